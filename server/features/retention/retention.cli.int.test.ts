import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../../test/api.js';
import { cliRunner, type Outcome } from '../../test/cli.js';

const { deedbox } = cliRunner('retention');

function json<T>(outcome: Outcome): T {
  if (outcome.code !== 0) throw new Error(`exit ${outcome.code}: ${outcome.stderr}`);
  return JSON.parse(outcome.stdout) as T;
}

describe('deedbox org hold|release|delete and receipts', () => {
  it('deletes an org by the operator, after a dry run and only by its exact name, and verifies the receipt offline', async () => {
    const { orgId } = json<{ orgId: string }>(
      await deedbox(
        'org',
        'create',
        '--name',
        'Leaving GmbH',
        '--owner-email',
        uniqueEmail(),
        '--owner-password',
        PASSWORD,
      ),
    );
    const dry = json<{ dryRun: boolean; counts: Record<string, number> }>(
      await deedbox('org', 'delete', '--org', orgId, '--name', 'Leaving GmbH', '--dry-run'),
    );
    expect(dry).toMatchObject({ dryRun: true, counts: { users: 1, business_units: 1 } });

    const wrongName = await deedbox('org', 'delete', '--org', orgId, '--name', 'Leaving');
    expect(wrongName.code).toBe(2);
    expect(wrongName.stderr).toContain('is not called "Leaving"');
    const unknown = await deedbox('org', 'hold', '--org', '00000000-0000-4000-8000-000000000002', '--reason', 'Audit');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no organization');

    expect(json(await deedbox('org', 'hold', '--org', orgId, '--reason', 'Tax audit 2026'))).toMatchObject({
      legalHold: { reason: 'Tax audit 2026' },
    });
    const held = await deedbox('org', 'delete', '--org', orgId, '--name', 'Leaving GmbH');
    expect(held.code).toBe(1);
    expect(held.stderr).toContain('legal hold: Tax audit 2026');
    expect(json(await deedbox('org', 'release', '--org', orgId))).toEqual({ orgId, legalHold: null });

    const deleted = await deedbox('org', 'delete', '--org', orgId, '--name', 'Leaving GmbH');
    const receipt = json<{ orgId: string; counts: Record<string, number> }>(deleted);
    expect(receipt.orgId).toBe(orgId);
    // What the dry run listed, and the two activity-log entries of the hold since.
    expect(receipt.counts).toEqual({
      ...dry.counts,
      audit_events: dry.counts.audit_events! + 2,
      audit_personal: dry.counts.audit_personal! + 2,
    });

    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-receipt-'));
    const file = path.join(dir, 'receipt.json');
    writeFileSync(file, deleted.stdout);
    expect(json(await deedbox('receipts', 'verify', file))).toMatchObject({ valid: true, orgId });
    const { publicKey } = json<{ publicKey: string; keyFingerprint: string }>(await deedbox('receipts', 'public-key'));
    expect(JSON.parse(deleted.stdout).publicKey).toBe(publicKey);

    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(tampered, deleted.stdout.replace(`"users":1`, `"users":0`));
    const refused = await deedbox('receipts', 'verify', tampered);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the signature does not match the content');

    const listed = (await deedbox('receipts', 'list')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(listed.map((r: { orgId: string }) => r.orgId)).toContain(orgId);
  }, 300_000);
});
