import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/server.js';
import { admin } from './pg-admin.js';
import { benchMailSink, signUpThroughMail } from './sign-up.js';

const BENCH_URL = 'postgres://postgres@127.0.0.1:5432/deedbox_bench';
const CONCURRENCY = 16;
const WARMUP = 500;
const REQUESTS = 5000;

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

function get(agent: http.Agent, url: string, headers: http.OutgoingHttpHeaders): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/** `total` requests over CONCURRENCY keep-alive connections; every answer must be 200. */
async function load(url: string, headers: http.OutgoingHttpHeaders, total: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    return await loadWork(async () => {
      const status = await get(agent, url, headers);
      if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
    }, total);
  } finally {
    agent.destroy();
  }
}

/** `total` calls of `work` with CONCURRENCY in flight, timing each. */
async function loadWork(work: () => Promise<void>, total: number): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued++;
      const start = process.hrtime.bigint();
      await work();
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, latencies };
}

/**
 * The database floor of an authenticated /me: the statements the session path issues, in one
 * transaction, sent straight through `pg` with no HTTP, framework or query builder.
 */
function rawSessionMe(pool: pg.Pool, tokenHash: string) {
  return async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('role', 'deedbox_app', true), set_config('app.token_hash', $1, true)", [
        tokenHash,
      ]);
      const session = await client.query(
        `select s.*, set_config('app.org_id', s.org_id::text, true) || set_config('app.user_id', s.user_id::text, true)
         from sessions s where s.token_hash = $1`,
        [tokenHash],
      );
      const { org_id: orgId, user_id: userId } = session.rows[0] as { org_id: string; user_id: string };
      await client.query(
        `select m.*, u.*, coalesce((select json_object_agg(r.business_unit_id, r.role) from unit_roles r
           where r.org_id = m.org_id and r.user_id = m.user_id), '{}'::json) as roles
         from memberships m join users u on u.id = m.user_id where m.org_id = $1 and m.user_id = $2`,
        [orgId, userId],
      );
      await client.query(
        `select o.id, o.name, coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name) order by lower(b.name))
           from business_units b where b.org_id = o.id), '[]'::json) as units from orgs o where o.id = $1`,
        [orgId],
      );
      await client.query('select * from users where id = $1', [userId]);
      await client.query('commit');
    } finally {
      client.release();
    }
  };
}

async function measureWork(name: string, work: () => Promise<void>): Promise<Result> {
  await loadWork(work, WARMUP);
  return summarize(name, await loadWork(work, REQUESTS));
}

function summarize(name: string, { seconds, latencies }: { seconds: number; latencies: number[] }): Result {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, requestsPerSecond: REQUESTS / seconds, p50: at(0.5), p99: at(0.99) };
}

async function measure(name: string, url: string, headers: http.OutgoingHttpHeaders = {}): Promise<Result> {
  await load(url, headers, WARMUP);
  return summarize(name, await load(url, headers, REQUESTS));
}

async function post(url: string, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers } as Record<string, string>,
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return res;
}

async function main() {
  await admin('drop database if exists deedbox_bench with (force)');
  await admin('create database deedbox_bench');
  // Log lines are formatted as in production, then dropped, so logging costs what it costs.
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  const { sink, smtpUrl } = await benchMailSink();
  const config = loadConfig({
    NODE_ENV: 'test',
    SMTP_URL: smtpUrl,
    DATABASE_URL: BENCH_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT: 'false',
    LOG_LEVEL: 'info',
  });
  const server = await startServer(config, { logStream: discard });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const email = `bench-${Date.now()}@example.com`;
    const signUp = { name: 'Bench Admin', email, password: 'Tr0ub4dor&3-horse-staple', companyName: 'Bench GmbH' };
    const signedUp = await signUpThroughMail(server.url, signUp, sink);
    const cookies = signedUp.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = cookies.find((c) => c.startsWith('dbx_session='))!;
    const csrf = cookies.find((c) => c.startsWith('dbx_csrf='))!.split('=')[1]!;
    const created = await post(
      `${server.url}/api/v1/api-keys`,
      { name: 'bench', role: 'viewer' },
      { cookie, 'x-csrf-token': csrf },
    );
    const { token } = (await created.json()) as { token: string };

    const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`;
    const sessionHash = createHash('sha256').update(cookie.slice('dbx_session='.length)).digest('hex');
    const pool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
    const results = [
      await measure('GET /bare (plain Fastify)', bareUrl),
      await measureWork('raw SQL of /me (pg, no HTTP)', rawSessionMe(pool, sessionHash)),
      await measure('GET /api/v1/me (session cookie)', `${server.url}/api/v1/me`, { cookie }),
      await measure('GET /api/v1/me (API key)', `${server.url}/api/v1/me`, { authorization: `Bearer ${token}` }),
    ];
    await pool.end();
    report(results);
  } finally {
    await bare.close();
    await server.stop();
    await sink.stop();
    await admin('drop database if exists deedbox_bench with (force)');
  }
}

function report(results: Result[]) {
  console.log(
    `${REQUESTS} requests after ${WARMUP} warm-up, ${CONCURRENCY} keep-alive connections, loopback, one process\n`,
  );
  console.log(`${'scenario'.padEnd(34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)}${r.requestsPerSecond.toFixed(0).padStart(9)}${r.p50.toFixed(2).padStart(9)}${r.p99.toFixed(2).padStart(9)}`,
    );
  }
  const [bareResult, raw, session, apiKey] = results as [Result, Result, Result, Result];
  const ratio = (r: Result, base: Result) =>
    `${(r.requestsPerSecond / base.requestsPerSecond).toFixed(3)} of the throughput, ${(r.p50 / base.p50).toFixed(1)}x the p50 latency`;
  console.log(`\n${session.name} / raw SQL: ${ratio(session, raw)}`);
  for (const r of [session, apiKey]) console.log(`${r.name} / bare: ${ratio(r, bareResult)}`);
}

await main();
