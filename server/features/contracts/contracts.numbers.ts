import { formatNumber, numberPeriod, patternProblem } from '../../../common/numbering.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { OrgSettings } from './contracts.access.js';
import * as repo from './contracts.repo.js';

/** Tries past numbers someone typed by hand (when numbers are editable) before giving up. */
const MAX_SKIPS = 1_000;

function usablePattern(org: OrgSettings): string | null {
  const pattern = org.contractNumberPattern?.trim();
  return pattern && !patternProblem(pattern) ? pattern : null;
}

/** The next free number of the org's pattern, from the counter row locked in this transaction. */
export async function allocateNumber(ctx: Ctx, pattern: string, today: string): Promise<string> {
  const period = numberPeriod(pattern, today);
  for (let i = 0; i < MAX_SKIPS; i++) {
    const candidate = formatNumber(pattern, today, await repo.nextCounter(ctx.tx, ctx.orgId, period));
    if (!(await repo.numberTaken(ctx.tx, ctx.orgId, candidate))) return candidate;
  }
  throw AppError.because(
    'conflict',
    'numbers_exhausted',
    'No free contract number: the counter keeps meeting numbers already in use.',
  );
}

/** The number a new contract gets: with a pattern, allocated unless given and numbers are editable. */
export async function numberForCreate(
  ctx: Ctx,
  org: OrgSettings,
  given: string | null,
  today: string,
): Promise<string | null> {
  const pattern = usablePattern(org);
  if (!pattern) return given;
  if (given && org.contractNumberEditable) return given;
  return allocateNumber(ctx, pattern, today);
}

/**
 * The number after an update. A numbered contract keeps its number unless numbers are editable;
 * one without a number gets one when the org has a pattern (first save under the pattern).
 */
export async function numberForUpdate(
  ctx: Ctx,
  org: OrgSettings,
  before: string | null,
  patched: string | null | undefined,
  today: string,
): Promise<string | null> {
  const pattern = usablePattern(org);
  if (!pattern) return patched === undefined ? before : patched;
  if (!org.contractNumberEditable) {
    if (before !== null) {
      if (patched !== undefined && patched !== before)
        throw AppError.invalid('contractNumber', 'not_editable', 'is generated and may not be changed');
      return before;
    }
    return allocateNumber(ctx, pattern, today);
  }
  const after = patched === undefined ? before : patched;
  return after ?? allocateNumber(ctx, pattern, today);
}
