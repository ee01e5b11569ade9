import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/schemas/signing.js';
import type { SigningPage } from '../../../common/schemas/signing-page.js';
import { signingRecipients } from '../../db/schema/index.js';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { CODE_COOKIE, signingCode } from './codes.js';
import { mailTo, readyDraft, tokenIn } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

const typed = { signature: { kind: 'typed', text: 'Jürgen Groß' }, consent: true };

/** An envelope whose signers must confirm a code; the first signer's link. */
async function sentWithCode() {
  const { envelope, emails } = await readyDraft(h, admin, undefined, { requireCode: true });
  const res = await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`);
  expect(res.statusCode, res.body).toBe(200);
  const token = tokenIn(await mailTo(h, admin, emails[0], /sign/));
  const first = (res.json() as Envelope).recipients[0]!;
  return { envelope: res.json() as Envelope, emails, token, first };
}

/** The browser of whoever holds the link: it carries the code session cookie, once it has one. */
const browser = (cookie?: string): Caller => (cookie ? { cookie: `${CODE_COOKIE}=${cookie}` } : ({} as Caller));
const page = async (token: string, as?: Caller) =>
  (await call(h, as ?? null, 'GET', `/signing/${token}`)).json() as SigningPage;
const askCode = (token: string) => call(h, null, 'POST', `/signing/${token}/code`);
const verify = (token: string, code: string) => call(h, null, 'POST', `/signing/${token}/code/verify`, { code });
/** A minute passes for the recipient's code evidence (the send limits count it). */
const minutePasses = (recipientId: string) =>
  h.database.db.execute(
    sql`update signing_events set at = at - interval '61 seconds' where recipient_id = ${recipientId}`,
  );
const wrongCode = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');
const recipientRow = (id: string) => h.database.db.select().from(signingRecipients).where(eq(signingRecipients.id, id));
const currentCode = async (recipientId: string) => {
  const [row] = await recipientRow(recipientId);
  return signingCode(h.config.secretKey, recipientId, row!.codeSerial);
};

describe('one-time codes by e-mail', () => {
  it('asks for a mailed code before the document, signing or declining; a confirmed code is a session of this link', async () => {
    const { envelope: e, emails, token, first } = await sentWithCode();
    const before = await page(token);
    expect(before.state).toBe('ready');
    expect(before.code).toEqual({ required: true, verified: false, expiresAt: null, lockedUntil: null });
    for (const [method, path, body] of [
      ['GET', 'pdf', undefined],
      ['POST', 'sign', typed],
      ['POST', 'decline', { reason: 'No' }],
    ] as const) {
      const refused = expectProblem(await call(h, null, method, `/signing/${token}/${path}`, body), 403, 'forbidden');
      expect(refused.reason).toBe('code_required');
    }

    const sent = await askCode(token);
    expect(sent.statusCode, sent.body).toBe(200);
    const mail = await mailTo(h, admin, emails[0], /code/);
    const code = mail.text.match(/^(\d{6})$/m)?.[1];
    expect(code).toBe(await currentCode(first.id));
    expect(mail.text).not.toContain('/sign/');
    expect((await page(token)).code.expiresAt).toBe((sent.json() as { expiresAt: string }).expiresAt);
    const soon = expectProblem(await askCode(token), 429, 'rate_limited');
    expect(soon.reason).toBe('code_too_soon');
    expect(soon.params?.seconds).toBeGreaterThan(50);

    const wrong = expectProblem(await verify(token, wrongCode(code!)), 422, 'validation_failed');
    expect(wrong.errors).toEqual([
      expect.objectContaining({ field: 'code', rule: 'code_wrong', params: { triesLeft: 4 } }),
    ]);
    expectProblem(await verify(token, '12345'), 422, 'validation_failed');

    const right = await verify(token, code!);
    expect(right.statusCode, right.body).toBe(200);
    const cookie = right.cookies.find((c) => c.name === CODE_COOKIE)!;
    expect(cookie).toMatchObject({
      path: `/api/v1/signing/${token}`,
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: 1800,
    });
    // The code works once.
    const again = expectProblem(await verify(token, code!), 422, 'validation_failed');
    expect(again.errors![0]).toMatchObject({ field: 'code', rule: 'code_expired' });

    expect((await page(token)).code.verified).toBe(false);
    expect((await page(token, browser(cookie.value))).code).toMatchObject({ verified: true, expiresAt: null });
    expect((await call(h, browser('forged'), 'GET', `/signing/${token}/pdf`)).statusCode).toBe(403);
    expect((await call(h, browser(cookie.value), 'GET', `/signing/${token}/pdf`)).statusCode).toBe(200);
    const signed = await call(h, browser(cookie.value), 'POST', `/signing/${token}/sign`, typed);
    expect(signed.statusCode, signed.body).toBe(200);
    // The session is this recipient's: the next signer's link wants their own code.
    const next = tokenIn(await mailTo(h, admin, emails[1], /sign/));
    const foreign = await call(h, browser(cookie.value), 'GET', `/signing/${next}/pdf`);
    expect(expectProblem(foreign, 403, 'forbidden').reason).toBe('code_required');

    const [row] = await recipientRow(first.id);
    expect(row!.verification).toBe('link_and_code');
    const events = (await call(h, admin, 'GET', `/envelopes/${e.id}/events`)).json() as { items: { kind: string }[] };
    const kinds = events.items.map((x) => x.kind);
    expect(kinds.filter((k) => k.startsWith('code_'))).toEqual(['code_sent', 'code_failed', 'code_verified']);
    const audit = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(['signing.code_sent', 'signing.code_failed', 'signing.code_verified', 'signing.signed']),
    );
  });

  it('burns a code after five wrong tries and locks codes for an hour after three burnt codes', async () => {
    const { token, first } = await sentWithCode();
    for (let burn = 1; burn <= 3; burn++) {
      if (burn > 1) await minutePasses(first.id);
      expect((await askCode(token)).statusCode).toBe(200);
      const code = await currentCode(first.id);
      for (let attempt = 1; attempt < 5; attempt++) {
        expect((await verify(token, wrongCode(code))).statusCode).toBe(422);
      }
      const fifth = await verify(token, wrongCode(code));
      if (burn < 3) {
        expect(expectProblem(fifth, 422, 'validation_failed').errors![0]!.rule).toBe('code_burned');
        // Burnt: even the right code no longer works.
        expect(expectProblem(await verify(token, code), 422, 'validation_failed').errors![0]!.rule).toBe(
          'code_expired',
        );
      } else {
        const locked = expectProblem(fifth, 429, 'rate_limited');
        expect(locked).toMatchObject({ reason: 'code_locked', params: { minutes: 60 } });
      }
    }
    expect(expectProblem(await askCode(token), 429, 'rate_limited').reason).toBe('code_locked');
    expect((await page(token)).code.lockedUntil).not.toBeNull();
  });

  it('sends at most five codes an hour; a recipient without a code gets none', async () => {
    const { token, first } = await sentWithCode();
    for (let n = 1; n <= 5; n++) {
      expect((await askCode(token)).statusCode).toBe(200);
      await minutePasses(first.id);
    }
    const limit = expectProblem(await askCode(token), 429, 'rate_limited');
    expect(limit.reason).toBe('code_send_limit');
    expect(limit.params?.minutes).toBeGreaterThan(50);

    const { envelope, emails } = await readyDraft(h, admin);
    expect((await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`)).statusCode).toBe(200);
    const plain = tokenIn(await mailTo(h, admin, emails[0], /sign/));
    expect((await page(plain)).code.required).toBe(false);
    expect(expectProblem(await askCode(plain), 409, 'conflict').reason).toBe('code_not_required');
  });
});
