import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../test/fake-twilio.js';
import { createSmsSender, SmsError, type SmsSender } from './sms.js';

let twilio: FakeTwilio;
let sms: SmsSender;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  twilio = await startFakeTwilio();
  sms = createSmsSender(
    {
      provider: 'twilio',
      apiUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: { number: '+4930901820' },
    },
    log,
  )!;
});
afterAll(() => twilio.close());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the message to be refused');
    },
    (err: unknown) => {
      if (!(err instanceof SmsError)) throw err;
      return { permanent: err.permanent, code: err.providerCode };
    },
  );

describe('the Twilio SMS adapter', () => {
  it('posts the message the way Twilio documents and answers with its message id', async () => {
    const { id } = await sms.send('+491701234567', 'Your Deedbox code: 123456');
    expect(id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.at(-1)).toEqual({
      sid: id,
      to: '+491701234567',
      body: 'Your Deedbox code: 123456',
      from: '+4930901820',
      messagingServiceSid: null,
    });
  });

  it('sends from a Messaging Service when one is configured instead of a number', async () => {
    const viaService = createSmsSender(
      {
        provider: 'twilio',
        apiUrl: twilio.url,
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        from: { messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
      },
      log,
    )!;
    await viaService.send('+14155550100', 'Code 654321');
    expect(twilio.messages.at(-1)).toMatchObject({
      from: null,
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
    });
  });

  it('tells permanent refusals (bad number, opted out, wrong credentials) from passing ones (throttled, down)', async () => {
    expect(await refusal(sms.send('0170 1234567', 'x'))).toEqual({ permanent: true, code: null });
    twilio.failNext(400, 21610, 'Attempt to send to unsubscribed recipient');
    expect(await refusal(sms.send('+491701234567', 'x'))).toEqual({ permanent: true, code: 21610 });
    twilio.failNext(429, 20429, 'Too Many Requests');
    expect(await refusal(sms.send('+491701234567', 'x'))).toEqual({ permanent: false, code: 20429 });
    twilio.failNext(503, 20503, 'Service unavailable');
    expect(await refusal(sms.send('+491701234567', 'x'))).toEqual({ permanent: false, code: 20503 });
    const wrongToken = createSmsSender(
      {
        provider: 'twilio',
        apiUrl: twilio.url,
        accountSid: twilio.accountSid,
        authToken: 'wrong',
        from: { number: '+4930901820' },
      },
      log,
    )!;
    expect(await refusal(wrongToken.send('+491701234567', 'x'))).toEqual({ permanent: true, code: 20003 });
  });

  it('counts an unreachable provider as passing, and sends nothing when none is configured', async () => {
    const closed = await startFakeTwilio();
    await closed.close();
    const unreachable = createSmsSender(
      {
        provider: 'twilio',
        apiUrl: closed.url,
        accountSid: closed.accountSid,
        authToken: 'x',
        from: { number: '+4930901820' },
      },
      log,
    )!;
    expect(await refusal(unreachable.send('+491701234567', 'x'))).toEqual({ permanent: false, code: null });
    expect(createSmsSender({ provider: 'none' }, log)).toBeNull();
  });
});
