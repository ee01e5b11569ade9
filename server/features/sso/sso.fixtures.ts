import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { runInOrg } from '../../platform/context.js';
import { type Caller, call } from '../../test/api.js';
import type { Harness, Res } from '../../test/harness.js';
import { signInAtIdp, type TestIdp } from '../../test/oidc-provider.js';
import { verifyDomain } from './sso.settings.service.js';

export const APP = 'http://deedbox.test';
export const REDIRECT_URI = `${APP}/api/v1/auth/sso/oidc/callback`;

/** A domain of the test's own: a domain can be verified by one account only. */
export const uniqueDomain = () => `corp-${randomUUID().slice(0, 8)}.test`;

/** Marks a domain verified as the operator's CLI does. */
export function verifyAsOperator(h: Harness, orgId: string, domain: string) {
  const cli = { id: randomUUID(), ip: null, userAgent: 'test', via: 'cli' as const };
  return runInOrg(h.app.deps, { orgId, actor: { type: 'system', name: 'deedbox CLI' } }, cli, (ctx) =>
    verifyDomain(ctx, domain),
  );
}

/** An account with a verified domain and an OIDC connection to the test provider. */
export async function connectOrg(
  h: Harness,
  idp: TestIdp,
  admin: Caller & { me: { org: { id: string } } },
  jit: { role: 'off' | 'viewer' | 'editor'; businessUnitId?: string | null } = { role: 'off' },
) {
  const domain = uniqueDomain();
  const added = await call(h, admin, 'POST', '/settings/sso/domains', { domain });
  if (added.statusCode !== 201) throw new Error(`domain: ${added.body}`);
  await verifyAsOperator(h, admin.me.org.id, domain);
  const saved = await call(h, admin, 'PUT', '/settings/sso/connection', {
    protocol: 'oidc',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    jit: { role: jit.role, businessUnitId: jit.businessUnitId ?? null },
  });
  if (saved.statusCode !== 200) throw new Error(`connection: ${saved.body}`);
  return { domain };
}

export function ssoCookieOf(res: Res): string {
  const cookie = res.cookies.find((c) => c.name === 'dbx_sso');
  if (!cookie) throw new Error(`no dbx_sso cookie in ${res.statusCode} ${res.body}`);
  return `dbx_sso=${cookie.value}`;
}

/** The browser's return from the provider to our callback, with the cookie given (or none). */
export function callback(h: Harness, url: string, cookie: string | null): Promise<Res> {
  return h.app.inject({
    method: 'GET',
    url: url.slice(APP.length),
    headers: { 'user-agent': 'vitest', ...(cookie ? { cookie } : {}) },
  });
}

/** Starts at /auth/sso/start with `email`, signs in at the provider as `login`: the callback URL and cookie. */
export async function throughIdp(h: Harness, email: string, login: string) {
  const started = await call(h, null, 'POST', '/auth/sso/start', { email });
  if (started.statusCode !== 200) throw new Error(`start: ${started.statusCode} ${started.body}`);
  const cookie = ssoCookieOf(started);
  const url = await signInAtIdp(started.json().redirectUrl, login, APP);
  return { url, cookie, redirectUrl: started.json().redirectUrl as string };
}

export function sessionCallerOf(res: Res): Caller {
  const session = res.cookies.find((c) => c.name.endsWith('dbx_session'));
  const csrf = res.cookies.find((c) => c.name === 'dbx_csrf');
  if (!session || !csrf) throw new Error(`no session cookies in ${res.statusCode} ${res.headers.location}`);
  return { cookie: `${session.name}=${session.value}`, csrf: csrf.value };
}

/** The log entries of one action in an org, with what they record beyond the shown changes (`data`). */
export function loggedData(h: Harness, orgId: string, action: string) {
  return withClaims(h.database.db, { orgId }, (tx) =>
    tx
      .select({ actorId: auditEvents.actorId, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)))
      .orderBy(asc(auditEvents.seq)),
  );
}
