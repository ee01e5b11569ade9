import { expect } from 'vitest';
import type { Tally } from './attack.kit.js';

/**
 * Failures the suite finds that a fix on its way removes, with the finding's number. The suite checks
 * that each still fails, so an entry must go once its fix is merged: the list only shrinks. Empty since
 * every finding of the penetration test (issue #10) is fixed.
 */
export const EXPECTED_FAILURES: { finding: number; why: string; cases: string[] }[] = [];

/**
 * Fails on a finding that is not listed, and on a listed one that no longer happens — except for races,
 * which a run may miss (concurrent requests): a listed race is not required to show every time.
 */
export function settle(tally: Tally, failures: string[], opts: { races?: boolean } = {}): void {
  const listed = new Set(EXPECTED_FAILURES.flatMap((e) => e.cases).filter((c) => c.startsWith(`${tally.name}: `)));
  const unexpected = failures.filter((f) => !listed.has(f));
  const found = new Set(failures);
  const fixed = opts.races ? [] : [...listed].filter((c) => !found.has(c));
  tally.findings = unexpected;
  tally.expected = failures.filter((f) => listed.has(f));
  tally.write();
  expect(unexpected, 'new findings (fix them, or list them in expected-failures.ts with their finding)').toEqual([]);
  expect(fixed, 'fixed now: remove these from EXPECTED_FAILURES in server/security/expected-failures.ts').toEqual([]);
}
