/** What a sign-up posts. */
export interface SignUpBody {
  name: string;
  email: string;
  password: string;
  companyName: string;
}

/** The token of the sign-up link to `email` among development-outbox mails, if it has arrived. */
export function signUpToken(mails: { to: string | string[]; text: string }[], email: string): string | null {
  const mail = mails.find((m) => m.to.includes(email) && m.text.includes('/confirm-sign-up?token='));
  const link = mail?.text.match(/https?:\/\/\S+\/confirm-sign-up\?token=\S+/)?.[0];
  return link ? new URL(link).searchParams.get('token') : null;
}

/**
 * Signs up through the API and follows the mailed link from the development outbox (bench servers
 * run without SMTP); answers with the confirmation, which carries the session cookies.
 */
export async function signUpViaOutbox(baseUrl: string, body: SignUpBody): Promise<Response> {
  const json = { 'content-type': 'application/json' };
  const asked = await fetch(`${baseUrl}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  if (asked.status !== 202) throw new Error(`sign-up answered ${asked.status}: ${await asked.text()}`);
  let token: string | null = null;
  // The mail goes out just after the answer; a bench may poll for it.
  for (let i = 0; i < 200 && !token; i++) {
    const { items } = (await (await fetch(`${baseUrl}/api/v1/dev/outbox`)).json()) as {
      items: { to: string[]; text: string }[];
    };
    token = signUpToken(items, body.email);
    if (!token) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!token) throw new Error(`no sign-up mail to ${body.email} in the development outbox`);
  const confirmed = await fetch(`${baseUrl}/api/v1/auth/sign-up/confirm`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ token }),
  });
  if (confirmed.status !== 201) throw new Error(`sign-up confirmation answered ${confirmed.status}`);
  return confirmed;
}
