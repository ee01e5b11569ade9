import { isAfter, isBefore } from '../../../common/terms/dates.js';
import { computeTerms } from '../../../common/terms/engine.js';
import type { Lifecycle } from '../../../common/terms/lifecycle.js';

export type StoredDates = ReturnType<typeof storedDates>;

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

/**
 * Whether dates stored on an earlier day can differ today. Ended contracts never change; the
 * others only roll over when a day they name has passed, when an upcoming contract may have
 * started, or when notice given ahead of time takes effect; the daily refresh rewrites just those rows
 * (contracts.jobs.repo.ts `stale` says the same in SQL).
 */
export function mayHaveRolledOver(stored: StoredDates, lifecycle: Lifecycle, today: string): boolean {
  const passed = (d: string | null) => d !== null && isBefore(d, today);
  const noticeTakesEffect = lifecycle.noticeGivenOn ? !isAfter(lifecycle.noticeGivenOn, today) : false;
  if (stored.phase === 'ended') return false;
  return (
    stored.phase === 'upcoming' ||
    passed(stored.noticeDeadline) ||
    passed(stored.currentTermEnd) ||
    passed(stored.endsOn) ||
    (stored.phase === 'running' && noticeTakesEffect) ||
    // Dates stored before notice given was taken to meet the deadline still name it.
    (stored.phase === 'notice_given' && stored.noticeDeadline !== null)
  );
}
