import { SmtpSink } from '../server/test/smtp-sink.js';

/** What a sign-up posts. */
export interface SignUpBody {
  name: string;
  email: string;
  password: string;
  companyName: string;
}

/**
 * A loopback SMTP server for a bench's Deedbox (`SMTP_URL`): sign-up links are personal mail,
 * which no development outbox lists, so a bench receives them like a person would.
 */
export async function benchMailSink(): Promise<{ sink: SmtpSink; smtpUrl: string }> {
  const sink = new SmtpSink();
  const port = await sink.start(0);
  return { sink, smtpUrl: `smtp://127.0.0.1:${port}` };
}

/** The token of the sign-up link in a mail's text. */
function signUpToken(text: string): string | null {
  const link = text.match(/https?:\/\/\S+\/confirm-sign-up\?token=\S+/)?.[0];
  return link ? new URL(link).searchParams.get('token') : null;
}

/**
 * Signs up through the API and follows the link mailed to `sink`; answers with the confirmation,
 * which carries the session cookies.
 */
export async function signUpThroughMail(baseUrl: string, body: SignUpBody, sink: SmtpSink): Promise<Response> {
  const json = { 'content-type': 'application/json' };
  const asked = await fetch(`${baseUrl}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  if (asked.status !== 202) throw new Error(`sign-up answered ${asked.status}: ${await asked.text()}`);
  const mail = await sink.waitFor((m) => m.to.includes(body.email) && signUpToken(m.text) !== null);
  const confirmed = await fetch(`${baseUrl}/api/v1/auth/sign-up/confirm`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ token: signUpToken(mail.text) }),
  });
  if (confirmed.status !== 201) throw new Error(`sign-up confirmation answered ${confirmed.status}`);
  return confirmed;
}
