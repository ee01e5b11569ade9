import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../common/schemas/audit.js';
import type { Me } from '../../common/schemas/auth.js';
import { IMPORT_MIME } from '../../common/schemas/imports.js';
import { multipart } from './files.js';
import type { Harness, Res } from './harness.js';
import { linkIn } from './smtp-sink.js';

/** A set-up call's failure, with what the server logged for the request (an internal error's cause is only there). */
function failed(h: Harness, what: string, res: Res): Error {
  const requestId = (() => {
    try {
      return (JSON.parse(res.body) as { requestId?: string }).requestId;
    } catch {
      return undefined;
    }
  })();
  const logged = requestId ? h.logs.filter((line) => line.includes(requestId)).join('') : '';
  return new Error(`${what}: ${res.statusCode} ${res.body}${logged ? `\nserver log:\n${logged}` : ''}`);
}

export const PASSWORD = 'Tr0ub4dor&3-horse-staple';

export interface Caller {
  cookie?: string;
  csrf?: string;
  bearer?: string;
  me?: Me;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP request through the whole stack (Fastify's inject: no socket, nothing mocked). */
export function call(h: Harness, who: Caller | null, method: Method, url: string, body?: unknown): Promise<Res> {
  const headers: Record<string, string> = { 'user-agent': 'vitest' };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.csrf) headers['x-csrf-token'] = who.csrf;
  if (who?.bearer) headers.authorization = `Bearer ${who.bearer}`;
  return h.app.inject({
    method,
    url: `/api/v1${url}`,
    remoteAddress: h.ip,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** Uploads a file to import as `who`: a contract CSV unless `query` and `type` say otherwise. */
export function uploadImport(
  h: Harness,
  who: Caller | null,
  body: Buffer | string,
  { query = 'entity=contract&fileName=contracts.csv', type = IMPORT_MIME.csv }: { query?: string; type?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = { 'content-type': type, 'user-agent': 'vitest' };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.csrf) headers['x-csrf-token'] = who.csrf;
  return h.app.inject({ method: 'POST', url: `/api/v1/imports?${query}`, remoteAddress: h.ip, headers, payload: body });
}

/** Uploads a file as multipart (part `file`) to a documents route, e.g. `/contracts/ID/documents`. */
export function uploadDocument(
  h: Harness,
  who: Caller | null,
  url: string,
  fileName: string,
  content: Buffer,
): Promise<Res> {
  const { body, contentType } = multipart('file', fileName, content);
  const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'vitest' };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.csrf) headers['x-csrf-token'] = who.csrf;
  if (who?.bearer) headers.authorization = `Bearer ${who.bearer}`;
  return h.app.inject({ method: 'POST', url: `/api/v1${url}`, remoteAddress: h.ip, headers, payload: body });
}

/** A sign-in from a source address of the test's own (sign-in throttles count per address). */
export function signInAt(h: Harness, ip: string, email: string, password: string): Promise<Res> {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: ip,
    headers: { 'user-agent': 'vitest' },
    payload: { email, password },
  });
}

export function callerFrom(res: Res): Caller {
  const session = res.cookies.find((c) => c.name.endsWith('dbx_session'));
  const csrf = res.cookies.find((c) => c.name === 'dbx_csrf');
  if (!session || !csrf) throw new Error(`no session cookies in ${res.statusCode} ${res.body}`);
  return { cookie: `${session.name}=${session.value}`, csrf: csrf.value, me: res.json() as Me };
}

export const uniqueEmail = (tag = 'user') => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

/** A fresh org with its Administrator signed in (signed up, then confirmed from the mail); every test makes its own. */
export async function signUpOrg(h: Harness, companyName = 'Acme GmbH'): Promise<Caller & { me: Me; email: string }> {
  const email = uniqueEmail('admin');
  const res = await call(h, null, 'POST', '/auth/sign-up', {
    name: 'Ada Admin',
    email,
    password: PASSWORD,
    companyName,
  });
  if (res.statusCode !== 202) throw failed(h, 'sign-up failed', res);
  return { ...callerFrom(await confirmSignUp(h, email)), email } as Caller & { me: Me; email: string };
}

/** Follows the sign-up link mailed to `email`: creates the org and answers with its session. */
export async function confirmSignUp(h: Harness, email: string): Promise<Res> {
  // Without SMTP (development) the link is in the server log only.
  const link = h.config.mail.smtpUrl
    ? linkIn(await h.sink.waitFor((m) => m.to.includes(email) && m.text.includes('/confirm-sign-up?token=')))
    : /https?:\/\/\S+?\/confirm-sign-up\?token=[\w-]+/.exec(
        await h.waitForLog((line) => line.includes(email) && line.includes('/confirm-sign-up?token=')),
      )![0];
  const token = new URL(link).searchParams.get('token')!;
  const res = await call(h, null, 'POST', '/auth/sign-up/confirm', { token });
  if (res.statusCode !== 201) throw failed(h, 'sign-up confirmation failed', res);
  return res;
}

export function defaultUnit(admin: Caller): string {
  return admin.me!.roles[0]!.businessUnitId;
}

/** Invites someone, follows the link from the mail the SMTP sink received, and signs them in. */
export async function addMember(
  h: Harness,
  admin: Caller,
  opts: { isAdmin?: boolean; roles?: Record<string, 'editor' | 'viewer' | 'none'>; name?: string } = {},
): Promise<Caller & { me: Me; email: string; id: string }> {
  const email = uniqueEmail('member');
  const invited = await call(h, admin, 'POST', '/users/invitations', {
    email,
    isAdmin: opts.isAdmin ?? false,
    roles: opts.roles ?? {},
  });
  if (invited.statusCode !== 201) throw failed(h, 'invite failed', invited);
  const mail = await h.sink.waitFor((m) => m.to.includes(email));
  const token = linkIn(mail).split('/invite/')[1]!;
  const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, {
    name: opts.name ?? 'Max Member',
    password: PASSWORD,
  });
  if (accepted.statusCode !== 200) throw failed(h, 'accept failed', accepted);
  return { ...callerFrom(accepted), email, id: (invited.json() as { id: string }).id } as Caller & {
    me: Me;
    email: string;
    id: string;
  };
}

export async function auditEvents(h: Harness, admin: Caller, query = ''): Promise<AuditEvent[]> {
  const res = await call(h, admin, 'GET', `/audit?limit=200${query}`);
  if (res.statusCode !== 200) throw failed(h, 'audit list failed', res);
  return (res.json() as { items: AuditEvent[] }).items;
}

type ProblemParams = Record<string, string | number>;
type ProblemBody = {
  errors?: { field: string; rule: string; params?: ProblemParams }[];
  detail: string;
  reason?: string;
  params?: ProblemParams;
};

export function expectProblem(res: Res, status: number, code: string): ProblemBody {
  const body = res.json() as ProblemBody & { status: number; code: string; requestId: string };
  if (
    res.statusCode !== status ||
    body.code !== code ||
    !res.headers['content-type']?.toString().startsWith('application/problem+json') ||
    !body.requestId
  ) {
    throw new Error(
      `expected ${status} ${code} problem, got ${res.statusCode} ${res.headers['content-type']} ${res.body}`,
    );
  }
  return body;
}
