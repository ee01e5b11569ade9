export type { Computed, Phase } from './computed.js';
export { computedSchema, PHASES } from './computed.js';
export * from './dates.js';
export type { AdjustmentStep, DeadlineProof, EndSource } from './deadline.js';
export { adjustDeadline, latestDayForCancellation, previousBusinessDay, proofSentence } from './deadline.js';
export { computeResolvedTerms, computeTerms } from './engine.js';
export type { TermEvent, TermEventKind } from './events.js';
export { DEFAULT_EVENT_LIMIT, TERM_EVENT_KINDS, upcomingDeadlines } from './events.js';
export { alignUp, earliestEnd } from './indefinite.js';
export type {
  ContractType,
  DeadlineAdjustment,
  Lifecycle,
  LifecycleInput,
  LifecycleRule,
  NoticeAlignment,
} from './lifecycle.js';
export {
  CONTRACT_TYPES,
  calendarDate,
  DEADLINE_ADJUSTMENTS,
  initialTermEnd,
  lifecycleSchema,
  NOTICE_ALIGNMENTS,
  periodText,
} from './lifecycle.js';
export type { NoticeOutcome, NoticePreview } from './notice.js';
export { noticeOutcome, previewNotice } from './notice.js';
export * from './periods.js';
export { renewalEnd, termStart } from './renewals.js';
export type { AutoRenewalTerms, FixedTerms, IndefiniteTerms, ResolvedTerms, TermsIssue } from './resolve.js';
export { resolveTerms, TermsInputError, toTermsIssues } from './resolve.js';
