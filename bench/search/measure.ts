import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type pg from 'pg';
import { contractListQuery } from '../../common/schemas/contracts.js';
import type { Database } from '../../server/db/client.js';
import { list as listContracts } from '../../server/features/contracts/contracts.list.js';
import { search } from '../../server/features/search/search.service.js';
import type { Actor, Ctx, Deps } from '../../server/platform/context.js';
import { runInOrg } from '../../server/platform/context.js';
import type { Keyring } from '../../server/platform/crypto/keyring.js';
import { capture, explain, mainIndex, readOnly, replay, type Statement } from '../repository/capture.js';
import { get, percentile } from '../repository/http.js';
import { RARE_WORD } from './text.js';

/** The route's target (issue #11): p95 at most this many milliseconds. */
export const TARGET_P95_MS = 100;
/** A scenario far off target stops sampling after this long, with at least MIN_SAMPLES taken. */
const BUDGET_MS = 30_000;
const MIN_SAMPLES = 5;

export interface Scenario {
  name: string;
  /** Path and query under /api/v1. */
  path: string;
  /** The service call the route makes, in-process, to capture its statements. */
  call: (ctx: Ctx) => Promise<unknown>;
  /** The index of the core statement among the captured ones. */
  core: (statements: Statement[]) => number;
  /** What the answer must hold, as a check that the route did the work (null: nothing to check). */
  expect: 'documents' | 'none' | 'contracts';
}

const documentStatement = (statements: Statement[]) =>
  statements.findIndex((s) => /from document_text t/i.test(s.text));

function searchScenario(label: string, q: string, expect: Scenario['expect'] = 'documents'): Scenario {
  return {
    name: `search ${label}: "${q}"`,
    path: `/search?q=${encodeURIComponent(q)}`,
    call: (ctx) => search(ctx, { q, limit: 20 }),
    core: documentStatement,
    expect,
  };
}

function gridScenario(label: string, q: string): Scenario {
  const { cursor: _, ...query } = contractListQuery.parse({ q });
  return {
    name: `grid ${label}: "${q}"`,
    path: `/contracts?q=${encodeURIComponent(q)}`,
    call: (ctx) => listContracts(ctx, query),
    core: mainIndex,
    expect: 'contracts',
  };
}

/** The searches measured: words of every frequency, both languages, two words, a prefix, nothing. */
export const scenarios: Scenario[] = [
  searchScenario('common word (en)', 'agreement'),
  searchScenario('common word (de)', 'Vertrag'),
  searchScenario('rare word', RARE_WORD),
  searchScenario('two words', 'termination notice'),
  searchScenario('German word with umlaut', 'Gewährleistungsfrist'),
  searchScenario('prefix', 'Betriebshaft'),
  searchScenario('number', 'PO1662571'),
  searchScenario('no match', 'Quantenteleportation', 'none'),
  gridScenario('rare word', RARE_WORD),
  gridScenario('German word with umlaut', 'Gewährleistungsfrist'),
  gridScenario('common word (en)', 'agreement'),
];

export interface Figures {
  scenario: Scenario;
  samples: number;
  hits: string;
  route: number[];
  rawTx: number[];
  rawCore: number[];
  plan: string;
}

/** Service calls in the bench's process, as the route makes them, to capture their statements. */
export function inProcess(database: Database, keyring: Keyring, orgId: string, actor: Actor) {
  const quiet = () => {};
  const log = { error: quiet, warn: quiet, info: quiet, debug: quiet, trace: quiet, fatal: quiet, child: () => log };
  const deps = { config: { masterKeys: keyring }, database, log } as unknown as Deps;
  const request = { id: randomUUID(), ip: null, userAgent: 'bench', via: 'session' as const };
  return (fn: (ctx: Ctx) => Promise<unknown>) => runInOrg(deps, { orgId, actor }, request, fn);
}

function describe(scenario: Scenario, body: string): string {
  const json = JSON.parse(body) as { items: { kind: string; snippets: unknown[] }[]; total?: number };
  if (scenario.expect === 'contracts') {
    if (json.items.length === 0) throw new Error(`${scenario.name}: no contracts`);
    return `${json.items.length} rows of ${json.total ?? '?'}`;
  }
  const documents = json.items.filter((i) => i.kind === 'document');
  if (scenario.expect === 'none' && json.items.length > 0) throw new Error(`${scenario.name}: expected no hits`);
  if (scenario.expect === 'documents' && (documents.length === 0 || documents.some((d) => d.snippets.length === 0))) {
    throw new Error(`${scenario.name}: expected documents with opened excerpts`);
  }
  return `${json.items.length - documents.length} contracts, ${documents.length} documents`;
}

/** Statements whose plan is printed besides the core statement's: those that took longer than this. */
const SLOW_MS = 10;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the core statement, and of every other query of the transaction
 * that took more than SLOW_MS, each inside the transaction as the app runs it (role, claims, RLS).
 */
async function plans(pool: pg.Pool, statements: Statement[], core: number): Promise<string> {
  const out: string[] = [];
  for (const [i, s] of statements.entries()) {
    if (!/^\s*(with|select)\b/i.test(s.text) || /set_config\('role'/.test(s.text)) continue;
    const plan = await explain(pool, statements, i);
    const took = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0);
    if (i === core || took > SLOW_MS) {
      out.push(`-- statement ${i + 1} of ${statements.length}${i === core ? ' (core)' : ''}: ${took} ms`, s.text, plan);
    }
  }
  return out.join('\n');
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

/**
 * One scenario: the route's answer checked, its statements captured in-process, warm-up, then
 * `samples` pairs, each a request through HTTP (timed by the client, first byte out to last byte in)
 * followed by the captured transaction replayed through `pg` (timed whole and its core statement).
 */
export async function measure(
  scenario: Scenario,
  opts: {
    url: string;
    cookie: string;
    pool: pg.Pool;
    inOrg: ReturnType<typeof inProcess>;
    samples: number;
    warmup: number;
    plans: boolean;
  },
): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${opts.url}/api/v1${scenario.path}`;
  const headers = { cookie: opts.cookie };
  try {
    const first = await get(agent, url, headers);
    if (first.status !== 200) throw new Error(`${scenario.name} answered ${first.status}: ${first.body}`);
    const hits = describe(scenario, first.body);
    const statements = readOnly(await capture(() => opts.inOrg(scenario.call)));
    const core = scenario.core(statements);
    if (core < 0) throw new Error(`${scenario.name}: no core statement among ${statements.length}`);
    const warming = Date.now();
    for (let i = 0; i < opts.warmup && Date.now() - warming < BUDGET_MS / 4; i++) {
      await get(agent, url, headers);
      await replay(opts.pool, statements, core);
    }
    const route: number[] = [];
    const rawTx: number[] = [];
    const rawCore: number[] = [];
    const started = Date.now();
    for (let i = 0; i < opts.samples; i++) {
      if (i >= MIN_SAMPLES && Date.now() - started > BUDGET_MS) break;
      const t = process.hrtime.bigint();
      const answer = await get(agent, url, headers);
      route.push(ms(t));
      if (answer.status !== 200) throw new Error(`${scenario.name} answered ${answer.status}`);
      const raw = await replay(opts.pool, statements, core);
      rawTx.push(raw.totalMs);
      rawCore.push(raw.mainMs);
    }
    for (const a of [route, rawTx, rawCore]) a.sort((x, y) => x - y);
    const missed = percentile(route, 0.95) > TARGET_P95_MS;
    const plan = opts.plans
      ? await plans(opts.pool, statements, core)
      : missed
        ? await explain(opts.pool, statements, core)
        : '';
    return { scenario, samples: route.length, hits, route, rawTx, rawCore, plan };
  } finally {
    agent.destroy();
  }
}

const f = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

/** One line as a scenario finishes: route and raw p50 / p95. */
export function summary(x: Figures): string {
  const p = (a: number[], q: number) => f(percentile(a, q));
  return `  ${x.scenario.name}: ${x.hits}; ${x.samples} samples, route ${p(x.route, 0.5)} / ${p(x.route, 0.95)} ms, raw tx ${p(x.rawTx, 0.5)} / ${p(x.rawTx, 0.95)} ms (p50 / p95)`;
}

export function report(figures: Figures[], log: (line: string) => void) {
  log('');
  log(
    `| scenario | hits | samples | route p50 | route p95 | route p99 | raw tx p50 | raw tx p95 | raw core p95 | ratio p95 | p95 ≤ ${TARGET_P95_MS} ms |`,
  );
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const x of figures) {
    const p = (a: number[], q: number) => percentile(a, q);
    const ratio = p(x.route, 0.95) / p(x.rawTx, 0.95);
    log(
      `| ${x.scenario.name} | ${x.hits} | ${x.samples} | ${f(p(x.route, 0.5))} | ${f(p(x.route, 0.95))} | ${f(p(x.route, 0.99))} | ` +
        `${f(p(x.rawTx, 0.5))} | ${f(p(x.rawTx, 0.95))} | ${f(p(x.rawCore, 0.95))} | ${ratio.toFixed(2)} | ` +
        `${p(x.route, 0.95) <= TARGET_P95_MS ? 'met' : '**missed**'} |`,
    );
  }
  for (const x of figures.filter((x) => x.plan)) {
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS), ${x.scenario.name}:`);
    log(x.plan);
  }
}
