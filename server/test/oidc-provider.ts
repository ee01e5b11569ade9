import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/** A person the provider knows: the login typed on its page is the key. */
export interface IdpAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * What the token endpoint's answer becomes: untouched, an id_token for another audience (signed with
 * the provider's own key), or one signed with a key that is not the provider's.
 */
export type Tamper = 'none' | 'audience' | 'signature';

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  tamper: Tamper;
  close(): Promise<void>;
}

/** In memory, per model: what oidc-provider keeps (sessions, codes, grants). */
class MemoryAdapter {
  static store = new Map<string, unknown>();
  constructor(private readonly model: string) {}
  key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>) {
    MemoryAdapter.store.set(this.key(id), payload);
    const uid = payload.uid;
    if (typeof uid === 'string') MemoryAdapter.store.set(`${this.model}:uid:${uid}`, id);
  }
  async find(id: string) {
    return MemoryAdapter.store.get(this.key(id));
  }
  async findByUid(uid: string) {
    const id = MemoryAdapter.store.get(`${this.model}:uid:${uid}`);
    return typeof id === 'string' ? this.find(id) : undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id: string) {
    const found = MemoryAdapter.store.get(this.key(id)) as Record<string, unknown> | undefined;
    if (found) found.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId() {}
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
}

/**
 * A real OpenID provider (oidc-provider) on loopback, with its development login page (any login
 * named in `accounts`, any password), consent granted without asking, and PKCE required.
 */
export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  const key = await signingKey();
  const foreignKey = await signingKey();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = `deedbox-${randomUUID().slice(0, 8)}`;
  const clientSecret = randomUUID();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [key] },
    adapter: MemoryAdapter,
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    async loadExistingGrant(ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: 'none',
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || idp.tamper === 'none' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string };
    if (!body.id_token) return;
    const claims = decodeJwt(body.id_token);
    const header = decodeProtectedHeader(body.id_token);
    const forged = idp.tamper === 'audience' ? { ...claims, aud: 'another-client' } : claims;
    const signer = await importJWK(idp.tamper === 'audience' ? key : foreignKey, 'RS256');
    body.id_token = await new SignJWT(forged)
      .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? 'test-key' })
      .sign(signer);
  });
  server.on('request', provider.callback());
  return idp;
}

/** A cookie jar for the provider's pages, enough for its session and interaction cookies. */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
}

/**
 * A browser at the provider: follows `authorizationUrl`, signs in as `login` on the development
 * page and answers the URL the provider sends the browser back to (at `stopAt`), unfollowed.
 */
export async function signInAtIdp(authorizationUrl: string, login: string, stopAt: string): Promise<string> {
  const jar = new Jar();
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(stopAt)) return url;
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    jar.take(res);
    form = null;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"'))
      throw new Error(`unexpected page from the provider (${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    form = new URLSearchParams({ prompt: 'login', login, password: 'any' });
  }
  throw new Error('too many redirects at the provider');
}
