/** Where text messages go: Twilio's REST API when configured, else nowhere (SMS codes are then not offered). */
export type SmsConfig =
  | { provider: 'none' }
  | {
      provider: 'twilio';
      /** https://api.twilio.com; a loopback server in tests. */
      apiUrl: string;
      accountSid: string;
      authToken: string;
      /** The sender: a phone number (E.164) or a Messaging Service (MG…). */
      from: { number: string } | { messagingServiceSid: string };
    };

export interface SmsSender {
  /** Sends one message to an E.164 number; the provider's message id. */
  send(to: string, body: string): Promise<{ id: string }>;
}

/** A phone number as Twilio takes it: E.164, a plus and 7 to 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The provider refused or failed. `permanent`: retrying the same message cannot help (a number
 * that is not a mobile, has opted out, an unverified sender); otherwise (throttled, the provider
 * down, no answer) a later try may work.
 */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly providerCode: number | null,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

const TIMEOUT_MS = 10_000;

export function createSmsSender(
  config: SmsConfig,
  log: { info(facts: object, message: string): void },
): SmsSender | null {
  if (config.provider === 'none') return null;
  const url = `${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const sender: Record<string, string> =
    'number' in config.from ? { From: config.from.number } : { MessagingServiceSid: config.from.messagingServiceSid };
  return {
    async send(to, body) {
      if (!E164.test(to)) throw new SmsError('The number is not in international format (E.164).', true, null);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ To: to, Body: body, ...sender }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new SmsError(`Twilio did not answer: ${(err as Error).message}`, false, null);
      }
      const answer = (await res.json().catch(() => null)) as {
        sid?: unknown;
        code?: unknown;
        message?: unknown;
      } | null;
      if (res.ok && typeof answer?.sid === 'string') {
        // The number is personal data: the log keeps its last digits only; the text never.
        log.info({ sms: answer.sid, to: `…${to.slice(-3)}` }, 'sms sent');
        return { id: answer.sid };
      }
      const code = typeof answer?.code === 'number' ? answer.code : null;
      const why = typeof answer?.message === 'string' ? answer.message : `HTTP ${res.status}`;
      // 429 and 5xx pass; other 4xx (bad number, opted out, wrong credentials) stay as they are.
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
      throw new SmsError(`Twilio refused the message (${code ?? res.status}): ${why}`, permanent, code);
    },
  };
}
