import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trust, TrustOrg } from '../../../common/schemas/trust.js';
import { transact } from '../../platform/context.js';
import { addMember, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { finishBackupRun, startBackupRun } from '../backup/backup.runs.repo.js';

let h: Harness;
const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-trust-'));
const scanSummary = path.join(dir, 'scan.json');

beforeAll(async () => {
  h = await startHarness({
    TRUST_HOSTING: 'Hetzner Online GmbH, dedicated servers',
    TRUST_DATA_RESIDENCY: 'Germany (EU)',
    TRUST_SUBPROCESSORS: JSON.stringify([
      { name: 'Stripe', purpose: 'Card payments', location: 'Ireland (EU)' },
      { name: 'Acme Support Desk', purpose: 'Support tickets', location: 'Netherlands', url: 'https://acme.example' },
    ]),
    STRIPE_WEBHOOK_SECRET: 'whsec_trustpage-test',
    TRUST_SCAN_SUMMARY: scanSummary,
    RETENTION_MONTHS: '12',
    DELETION_GRACE_DAYS: '5',
    BACKUP_RETENTION_DAYS: '30',
  });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const trust = async () => {
  const res = await call(h, null, 'GET', '/trust');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Trust;
};

/** One backup run as the backup job records it (its own table, claim jobs). */
async function recordRun(kind: 'create' | 'verify', ok: boolean): Promise<void> {
  await transact(h.app.deps, { jobs: 'on' }, async (tx) => {
    const id = await startBackupRun(tx, kind, new Date(), '/var/backups/deedbox-x.backup');
    await finishBackupRun(tx, id, { ok, size: 10, sha256: 'ab'.repeat(32), error: ok ? null : 'disk full' });
  });
}

describe('the public trust page', () => {
  it('answers anyone with configuration and evidence, and nothing secret or of any account', async () => {
    const page = await trust();
    expect(page.hosting).toBe('Hetzner Online GmbH, dedicated servers');
    expect(page.dataResidency).toBe('Germany (EU)');
    // The harness's mail relay is on loopback: the operator's own, not a third party.
    expect(page.subProcessors).toEqual([
      { name: 'Stripe', role: 'payments', purpose: 'Card payments', location: 'Ireland (EU)', url: null },
      {
        name: 'Acme Support Desk',
        role: 'other',
        purpose: 'Support tickets',
        location: 'Netherlands',
        url: 'https://acme.example',
      },
    ]);
    expect(page.encryption).toEqual({
      atRest: true,
      algorithm: 'AES-256-GCM',
      perAccountKeys: true,
      backupsEncrypted: false,
    });
    expect(page.tls).toEqual({
      terminatedBy: 'none',
      minVersion: null,
      hsts: { enabled: false, maxAgeSeconds: 31_536_000, includeSubDomains: true },
    });
    expect(page.retention).toEqual({ retentionMonths: 12, deletionGraceDays: 5, backupRetentionDays: 30 });
    expect(page.backups).toMatchObject({ scheduled: false, intervalHours: 24 });
    // No summary file yet: not recorded, never a made-up date.
    expect(page.securityScan).toEqual({ lastRunAt: null, findings: null });
    const text = JSON.stringify(page);
    for (const secret of ['whsec_', 'smtp://', '127.0.0.1', dir, '/var/backups']) expect(text).not.toContain(secret);

    // A query the route does not know is ignored.
    const withQuery = await call(h, null, 'GET', '/trust?orgId=x&debug=1');
    expect(withQuery.statusCode).toBe(200);
    expect(withQuery.json()).toEqual(page);
  });

  it('shows the last successful backup and restore drill as soon as the jobs record them', async () => {
    const before = await trust();
    await recordRun('create', true);
    const backedUp = await trust();
    expect(backedUp.backups.lastBackupAt).not.toBeNull();
    expect(backedUp.backups.lastBackupAt).not.toBe(before.backups.lastBackupAt);
    expect(backedUp.backups.lastRestoreDrillAt).toBe(before.backups.lastRestoreDrillAt);

    // A failed drill is no evidence; a successful one is.
    await recordRun('verify', false);
    expect((await trust()).backups.lastRestoreDrillAt).toBe(before.backups.lastRestoreDrillAt);
    await recordRun('verify', true);
    const drilled = await trust();
    expect(drilled.backups.lastRestoreDrillAt).not.toBeNull();
    expect(new Date(drilled.backups.lastRestoreDrillAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(drilled.backups.lastBackupAt!).getTime(),
    );
  });

  it('dates the security scan from its summary file, and only from a well-formed one', async () => {
    writeFileSync(scanSummary, JSON.stringify({ sqlmap: { findings: 0 }, wapiti: { findings: 0 } }));
    expect((await trust()).securityScan).toEqual({ lastRunAt: null, findings: null });
    writeFileSync(scanSummary, 'not json');
    expect((await trust()).securityScan).toEqual({ lastRunAt: null, findings: null });
    writeFileSync(
      scanSummary,
      JSON.stringify({
        finishedAt: '2026-12-01T03:04:05.000Z',
        sqlmap: { requests: 6408, findings: 0, seconds: 300 },
        wapiti: { requests: 900, findings: 1, seconds: 200 },
      }),
    );
    expect((await trust()).securityScan).toEqual({ lastRunAt: '2026-12-01T03:04:05.000Z', findings: 1 });
  });
});

describe("an administrator's own account on the trust page", () => {
  it('shows the chain status and, once cancelled, the deletion date; to administrators only', async () => {
    const admin = await signUpOrg(h, 'Trusting GmbH');
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const other = await signUpOrg(h, 'Other Trust AG');

    const org = async (who: typeof admin) => {
      const res = await call(h, who, 'GET', '/trust/organization');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TrustOrg;
    };
    const active = await org(admin);
    expect(active.activityLog.intact).toBe(true);
    expect(active.activityLog.checked).toBeGreaterThan(0);
    expect(active).toMatchObject({ cancelled: false, deletionDate: null, earlyDeletionDueAt: null });

    expectProblem(await call(h, null, 'GET', '/trust/organization'), 401, 'unauthenticated');
    expectProblem(await call(h, viewer, 'GET', '/trust/organization'), 403, 'forbidden');
    // The public route says nothing of the caller's account, signed in or not.
    const signedIn = await call(h, admin, 'GET', '/trust');
    expect(signedIn.json()).toEqual(await trust());
    expect(signedIn.body).not.toContain(admin.me.org.id);

    const cancelled = await call(h, admin, 'POST', '/subscription/cancel', { confirm: true });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const after = await org(admin);
    expect(after.cancelled).toBe(true);
    expect(after.deletionDate).toBe((cancelled.json() as { deletionDate: string }).deletionDate);
    expect(after.deletionDate).not.toBeNull();
    // Its cancellation was logged, and the chain still holds with that entry.
    expect(after.activityLog).toMatchObject({ intact: true, firstBrokenSeq: null });
    expect(after.activityLog.checked).toBeGreaterThan(active.activityLog.checked);

    // Another organization's administrator sees their own account, untouched.
    expect(await org(other)).toMatchObject({ cancelled: false, deletionDate: null });
  });
});
