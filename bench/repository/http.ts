import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A GET over `agent`, the whole body read. */
export function get(agent: http.Agent, url: string, headers: http.OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
      );
    });
    req.on('error', reject);
  });
}

/** A JSON POST; returns the answer and the cookies it set (name=value). */
export async function post(url: string, body: unknown, expected: number) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return { json: (await res.json()) as unknown, cookies: res.headers.getSetCookie().map((c) => c.split(';')[0]!) };
}

/** Signs in and returns the session cookie header value. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const { cookies } = await post(`${baseUrl}/api/v1/auth/sign-in`, { email, password }, 200);
  const cookie = cookies.find((c) => c.startsWith('dbx_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
