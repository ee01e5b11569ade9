import { describe, expect, it } from 'vitest';
import { accessEndsAt, deletionDate, isReadOnly, PLAN_NAMES, seatLimit } from './subscriptions.js';

describe('subscriptions', () => {
  it('has a small catalogue with one unlimited plan', () => {
    expect(PLAN_NAMES).toEqual(['starter', 'team', 'business', 'enterprise']);
    expect(seatLimit('starter')).toBe(5);
    expect(seatLimit('enterprise')).toBeNull();
  });

  it('is read-only only when cancelled and past its access', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    expect(isReadOnly(null, now)).toBe(false);
    expect(isReadOnly({ status: 'active', accessUntil: null }, now)).toBe(false);
    expect(isReadOnly({ status: 'cancelled', accessUntil: new Date('2027-03-02T00:00:00Z') }, now)).toBe(false);
    expect(isReadOnly({ status: 'cancelled', accessUntil: now }, now)).toBe(true);
  });

  it('keeps access to the end of a paid period, and none for a trial', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const end = new Date('2027-03-31T00:00:00Z');
    expect(accessEndsAt({ status: 'trialing', currentPeriodEnd: end }, now)).toEqual(now);
    expect(accessEndsAt({ status: 'active', currentPeriodEnd: end }, now)).toEqual(end);
    expect(accessEndsAt({ status: 'past_due', currentPeriodEnd: new Date('2027-02-01T00:00:00Z') }, now)).toEqual(now);
  });

  it('deletes the retention months after access ends, at a month end clamped', () => {
    expect(deletionDate(new Date('2027-03-01T12:00:00Z'), 18)).toEqual(new Date('2028-09-01T12:00:00Z'));
    expect(deletionDate(new Date('2027-08-31T00:00:00Z'), 18)).toEqual(new Date('2029-02-28T00:00:00Z'));
  });
});
