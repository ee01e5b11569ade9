import { addDays, type IsoDate } from '../../common/terms/dates.js';
import { computeTerms } from '../../common/terms/engine.js';
import { type Lifecycle, type LifecycleInput, lifecycleSchema } from '../../common/terms/lifecycle.js';

/** A lifecycle with the dates the app stores beside it, computed by the term engine as the app does on write. */
export interface LifecycleTemplate {
  lifecycle: Lifecycle;
  notice_deadline: string | null;
  earliest_end_date: string | null;
  ends_on: string | null;
  current_term_end: string | null;
  renewal_count: number | null;
  phase: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so every seed has the same spread. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

function autoRenewal(r: () => number, startDate: IsoDate): LifecycleInput {
  return {
    type: 'auto_renewal',
    startDate,
    initialTerm: pick(r, ['P1Y', 'P1Y', 'P2Y', 'P3Y', 'P5Y', 'P6M']),
    renewalTerm: pick(r, ['P1Y', 'P1Y', 'P1Y', 'P6M', 'P2Y', 'P1M']),
    noticePeriod: pick(r, ['P3M', 'P3M', 'P1M', 'P6M', 'P30D', 'P2W']),
    maxRenewals: r() < 0.15 ? pick(r, [1, 2, 3, 5]) : null,
    deadlineAdjustment: r() < 0.3 ? 'previous_business_day' : 'none',
  };
}

function fixed(r: () => number, startDate: IsoDate): LifecycleInput {
  const byEnd = r() < 0.5;
  return {
    type: 'fixed',
    startDate,
    endDate: byEnd ? addDays(startDate, 180 + Math.floor(r() * 2500)) : null,
    initialTerm: byEnd ? null : pick(r, ['P1Y', 'P2Y', 'P3Y', 'P4Y', 'P5Y', 'P10Y']),
    noticePeriod: r() < 0.5 ? pick(r, ['P1M', 'P3M', 'P2W']) : null,
    deadlineAdjustment: r() < 0.2 ? 'previous_business_day' : 'none',
  };
}

function indefinite(r: () => number, startDate: IsoDate): LifecycleInput {
  return {
    type: 'indefinite',
    startDate,
    initialTerm: r() < 0.3 ? pick(r, ['P1Y', 'P2Y']) : null,
    noticePeriod: pick(r, ['P1M', 'P3M', 'P3M', 'P6M', 'P4W']),
    noticeAlignment: pick(r, ['any_day', 'month_end', 'month_end', 'quarter_end', 'year_end']),
    deadlineAdjustment: r() < 0.2 ? 'previous_business_day' : 'none',
  };
}

/**
 * `count` valid lifecycles of all three types, started between 2012 and a year after `today`,
 * with their stored dates as of `today` (half auto-renewal, 30 % fixed, 20 % indefinite).
 */
export function lifecycleTemplates(count: number, today: IsoDate): LifecycleTemplate[] {
  const r = rng(20261124);
  const templates: LifecycleTemplate[] = [];
  const firstStart = '2012-01-01';
  const span = 365 * 15;
  while (templates.length < count) {
    const startDate = addDays(firstStart, Math.floor(r() * span));
    const kind = r();
    const input = kind < 0.5 ? autoRenewal(r, startDate) : kind < 0.8 ? fixed(r, startDate) : indefinite(r, startDate);
    const parsed = lifecycleSchema.safeParse(input);
    if (!parsed.success) continue;
    const c = computeTerms(parsed.data, today);
    templates.push({
      lifecycle: parsed.data,
      notice_deadline: c.noticeDeadline,
      earliest_end_date: c.earliestEndDate,
      ends_on: c.endsOn,
      current_term_end: c.currentTermEnd,
      renewal_count: c.renewalCount,
      phase: c.phase,
    });
  }
  return templates;
}
