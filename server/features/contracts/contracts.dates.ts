import { computeTerms } from '../../../common/terms/engine.js';
import type { Lifecycle } from '../../../common/terms/lifecycle.js';

/** The derived dates stored beside the lifecycle, so grids can filter and sort on them. */
export function storedDates(lifecycle: Lifecycle, today: string) {
  const c = computeTerms(lifecycle, today);
  return {
    noticeDeadline: c.noticeDeadline,
    earliestEndDate: c.earliestEndDate,
    endsOn: c.endsOn,
    currentTermEnd: c.currentTermEnd,
    renewalCount: c.renewalCount,
    phase: c.phase,
    computedOn: today,
  };
}
