import { describe, expect, it } from 'vitest';
import { reconcileStatus } from './contract-status.js';

describe('reconcileStatus', () => {
  it.each(['draft', 'in_negotiation', 'active'] as const)('recorded notice turns %s into terminated', (status) => {
    expect(reconcileStatus(status, '2026-03-01')).toEqual({ ok: true, status: 'terminated' });
  });

  it('keeps terminated and archived when notice is recorded', () => {
    expect(reconcileStatus('terminated', '2026-03-01')).toEqual({ ok: true, status: 'terminated' });
    expect(reconcileStatus('archived', '2026-03-01')).toEqual({ ok: true, status: 'archived' });
  });

  it('refuses terminated without a notice date', () => {
    expect(reconcileStatus('terminated', null)).toEqual({ ok: false, rule: 'terminated_without_notice' });
  });

  it('leaves every other status alone without notice', () => {
    for (const status of ['draft', 'in_negotiation', 'active', 'archived'] as const) {
      expect(reconcileStatus(status, null)).toEqual({ ok: true, status });
    }
  });
});
