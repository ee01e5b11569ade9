// Security scan of a live Deedbox with Debian's sqlmap and wapiti: starts the server on a free port
// with a fresh PostgreSQL database, seeds an org through the API, signs in, lets both scanners attack
// with the session (and an API key), prints the counts and exits non-zero on any finding.
// Targets only 127.0.0.1. Uses only Node's own modules and `pg` (as scripts/e2e-db.mjs does).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SQLMAP_BUDGET_S = 330;
const WAPITI_BUDGET_S = 270;
const DATABASE_URL = process.env.SCAN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/deedbox_scan';
const say = (line) => console.log(`scan: ${line}`);

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'deedbox-scan-'));
/** Where the scanners' logs and reports stay after the run (CI keeps reports/). */
const reports = process.env.SCAN_REPORT_DIR ?? work;
mkdirSync(reports, { recursive: true });

spawnSync(process.execPath, ['scripts/e2e-db.mjs'], { env: { ...process.env, DATABASE_URL }, stdio: 'inherit' });
// Mail goes to the loopback SMTP sink of the browser tests: the sign-up link comes by mail.
const smtpPort = await freePort();
const sinkPort = await freePort();
const sink = spawn('npx', ['tsx', 'server/test/smtp-sink.ts'], {
  env: { ...process.env, SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(sinkPort) },
  stdio: 'ignore',
  detached: true,
});
const server = spawn('npx', ['tsx', 'server/main.ts', 'serve'], {
  env: {
    ...process.env,
    NODE_ENV: 'test',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: base,
    DATABASE_URL,
    DATA_DIR: join(work, 'data'),
    WORKER: 'false',
    RATE_LIMIT: 'false',
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
// The server logs every 500 with its stack; kept apart so the scanners' verdicts stay readable.
let serverLog = '';
server.stdout.on('data', (chunk) => {
  serverLog += chunk;
});
server.stderr.on('data', (chunk) => {
  serverLog += chunk;
});

/** The distinct causes of the server's unhandled errors, from its JSON log lines. */
function serverErrors() {
  const causes = new Map();
  for (const line of serverLog.split('\n')) {
    if (!line.includes('"unhandled error"')) continue;
    try {
      const entry = JSON.parse(line);
      const cause = entry.err?.cause?.message ?? entry.err?.message ?? 'unknown';
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    } catch {}
  }
  return [...causes].map(([cause, count]) => `${count} × ${cause}`);
}
const stopServer = () => {
  for (const child of [server, sink]) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
};
process.on('exit', () => {
  stopServer();
  rmSync(work, { recursive: true, force: true });
});

/** The sign-up link mailed to `email`, from the sink (bounded: 10 s). */
async function signUpLink(email) {
  for (let i = 0; i < 100; i++) {
    try {
      const mails = await (await fetch(`http://127.0.0.1:${sinkPort}/messages`)).json();
      const link = mails
        .filter((m) => m.to.includes(email))
        .map((m) => m.text.match(/https?:\/\/\S+\/confirm-sign-up\?token=[\w-]+/)?.[0])
        .find(Boolean);
      if (link) return link;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-up mail to ${email}`);
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server not ready after 60 s');
}

// ---- a signed-in session with data -------------------------------------------------------------
const jar = new Map();
async function api(method, path, body) {
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      cookie,
      'x-csrf-token': jar.get('dbx_csrf') ?? '',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  for (const set of res.headers.getSetCookie()) {
    const [pair] = set.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

async function seed() {
  const email = `scan-${Date.now()}@acme.example`;
  await api('POST', '/auth/sign-up', {
    name: 'Sam Scan',
    email,
    password: 'Tr0ub4dor&3-horse-staple',
    companyName: 'Scan GmbH',
    locale: 'en',
  });
  const token = new URL(await signUpLink(email)).searchParams.get('token');
  await api('POST', '/auth/sign-up/confirm', { token });
  const me = await api('GET', '/me');
  const partner = await api('POST', '/partners', { name: 'Globex AG', type: 'supplier' });
  const category = await api('POST', '/categories', { name: 'Facilities', kind: 'contract' });
  await api('POST', '/org-units', { name: 'Operations' });
  await api('POST', '/custom-fields', { entity: 'contract', label: 'Cost centre', type: 'text' });
  const contract = await api('POST', '/contracts', {
    title: 'Office cleaning',
    status: 'active',
    partnerId: partner.id,
    categoryId: category.id,
    ownerId: me.user.id,
    tags: ['facilities'],
    lifecycle: { type: 'fixed', startDate: '2026-01-01', endDate: '2027-12-31' },
    reminders: [],
  });
  await api('POST', '/saved-views', {
    entity: 'contract',
    name: 'Active',
    definition: { filters: { status: 'active' }, sort: 'title' },
  });
  const key = await api('POST', '/api-keys', { name: 'scanner', role: 'administrator' });
  return { userId: me.user.id, partnerId: partner.id, categoryId: category.id, contractId: contract.id, key };
}

/** Requests the server has answered so far, by status class (2xx, 4xx, 5xx …), from its own metrics. */
async function requestsServed() {
  const text = await (await fetch(`${base}/metrics`)).text();
  const counts = { total: 0 };
  for (const line of text.split('\n')) {
    const match = /^deedbox_http_requests_total\{.*status="(\d)\d\d".*\} (\d+)/.exec(line);
    if (!match) continue;
    counts.total += Number(match[2]);
    counts[`${match[1]}xx`] = (counts[`${match[1]}xx`] ?? 0) + Number(match[2]);
  }
  return counts;
}

function served(before, after) {
  const diff = {};
  for (const [key, value] of Object.entries(after)) diff[key] = value - (before[key] ?? 0);
  return diff;
}

/** Runs a scanner with a wall-clock budget; a scanner that overruns it is stopped and counts as failed. */
async function runTool(command, args, budgetS) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, TERM: 'dumb' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid, 'SIGKILL');
  }, budgetS * 1000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, output, timedOut };
}

// ---- sqlmap --------------------------------------------------------------------------------------
function sqlmapTargets(ids) {
  const list = (path, query) => ({ name: `GET ${path}`, args: ['-u', `${base}/api/v1${path}?${query}`] });
  const json = (method, path, body) => ({
    name: `${method} ${path}`,
    args: ['-u', `${base}/api/v1${path}`, '--method', method, '--data', JSON.stringify(body)],
  });
  return [
    list('/contracts', `q=cleaning&status=active&sort=title&tags=facilities&partnerId=${ids.partnerId}`),
    list('/contracts', 'annualValueFrom=10&endsFrom=2026-01-01&sort=-endDate&cursor=x'),
    list('/partners', 'q=globex&type=supplier&sort=name'),
    list('/audit', `action=contract.created&objectType=contract&actorId=${ids.userId}&from=2026-01-01`),
    list('/events', `from=2026-01-01&to=2027-12-31&contractId=${ids.contractId}`),
    list('/users/directory', 'q=sam'),
    list('/contracts/export', 'q=cleaning&format=csv&columns=title,status&sort=title'),
    list('/partners/export', 'q=globex&format=xlsx&locale=de'),
    list('/contracts/recycle-bin', 'limit=20'),
    list('/saved-views', 'entity=contract'),
    json('POST', '/partners', { name: 'Initech', type: 'customer', vatId: 'DE1', registrationNumber: 'HRB 1' }),
    json('PATCH', `/contracts/${ids.contractId}`, { title: 'Office cleaning', contractNumber: 'C-1' }),
    json('POST', '/saved-views', { entity: 'partner', name: 'Mine', definition: { filters: { q: 'a' } } }),
    json('POST', '/categories', { name: 'Cleaning', kind: 'contract' }),
    json('POST', `/contracts/${ids.contractId}/events`, {
      title: 'Price review',
      date: '2027-01-15',
      description: 'x',
    }),
    json('POST', '/settings/mail-templates/preview', { kind: 'reminder', locale: 'en', subject: 'S', body: 'B' }),
  ];
}

async function runSqlmap(ids) {
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const targets = sqlmapTargets(ids);
  const deadline = Date.now() + SQLMAP_BUDGET_S * 1000;
  const findings = [];
  for (const [i, target] of targets.entries()) {
    const left = Math.floor((deadline - Date.now()) / 1000);
    if (left < 5) {
      findings.push(`${target.name}: not scanned, sqlmap's budget of ${SQLMAP_BUDGET_S} s ran out`);
      continue;
    }
    // Reads with the session cookie, writes with the API key (CSRF does not apply to it).
    const auth = target.name.startsWith('GET')
      ? `Cookie: ${cookie}`
      : `Authorization: Bearer ${ids.key.token}\nContent-Type: application/json`;
    const { output, timedOut } = await runTool(
      'sqlmap',
      [
        ...target.args,
        '--batch',
        '--level=2',
        '--risk=1',
        '--technique=BEUST',
        '--time-sec=1',
        '--timeout=10',
        '--retries=0',
        '--threads=2',
        '--dbms=PostgreSQL',
        '--disable-coloring',
        '--flush-session',
        '--skip=limit,cursor',
        '--output-dir',
        join(work, `sqlmap-${i}`),
        '--headers',
        auth,
      ],
      left,
    );
    writeFileSync(join(reports, `sqlmap-${i}.log`), `${target.name}\n${output}`);
    const vulnerable =
      /identified the following injection point|is vulnerable|appears to be '.*' injectable/i.test(output) &&
      !/all tested parameters do not appear to be injectable/.test(output);
    const finished = /all tested parameters do not appear to be injectable|no parameter\(s\) found/.test(output);
    if (vulnerable) findings.push(`${target.name}: injection found\n${output}`);
    else if (timedOut) findings.push(`${target.name}: sqlmap did not finish within the budget`);
    else if (!finished) findings.push(`${target.name}: sqlmap ended without a verdict\n${output.slice(-3000)}`);
  }
  return { targets: targets.length, findings };
}

// ---- wapiti --------------------------------------------------------------------------------------
async function runWapiti(ids) {
  const report = join(reports, 'wapiti.json');
  // Wapiti loads every module, and its fingerprinting module downloads its database from GitHub
  // when none is stored: an empty one keeps the scan off the network.
  mkdirSync(join(work, 'wapiti-config'), { recursive: true });
  writeFileSync(join(work, 'wapiti-config', 'apps.json'), '{}');
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const starts = [
    '/',
    '/contracts',
    `/contracts/${ids.contractId}`,
    '/partners',
    '/settings/activity',
    `/api/v1/contracts?q=cleaning&status=active&sort=title`,
    `/api/v1/partners?q=globex&sort=name`,
    `/api/v1/audit?action=contract.created&objectType=contract`,
    `/api/v1/events?from=2026-01-01&to=2027-12-31`,
    `/api/v1/users/directory?q=sam`,
    `/api/v1/contracts/export?q=cleaning&format=csv`,
    `/api/v1/partners/export?q=globex&format=xlsx&locale=de`,
    `/api/v1/saved-views?entity=contract`,
    `/api/v1/contracts/${ids.contractId}/history`,
    `/api/v1/invitations/abc`,
    `/reset-password?token=abc`,
    `/sign-in?next=/contracts`,
  ];
  const { code, output, timedOut } = await runTool(
    'wapiti',
    [
      '-u',
      `${base}/`,
      '--scope',
      'folder',
      ...starts.flatMap((path) => ['-s', `${base}${path}`]),
      '-m',
      'sql,xss,permanentxss,exec,file,crlf,redirect,ssrf,xxe',
      '-H',
      `Cookie: ${cookie}`,
      '-H',
      `X-CSRF-Token: ${jar.get('dbx_csrf')}`,
      '-d',
      '3',
      '--max-links-per-page',
      '50',
      '--max-scan-time',
      String(WAPITI_BUDGET_S - 30),
      '--max-attack-time',
      '45',
      '-t',
      '10',
      // The ssrf and xxe modules' default endpoint is on the internet; keep every request on loopback
      // (so they still send their payloads, but cannot see out-of-band callbacks).
      '--endpoint',
      `${base}/`,
      '--no-bugreport',
      '--flush-session',
      '--store-session',
      join(work, 'wapiti-session'),
      '--store-config',
      join(work, 'wapiti-config'),
      '-v',
      '1',
      '-f',
      'json',
      '-o',
      report,
    ],
    WAPITI_BUDGET_S,
  );
  writeFileSync(join(reports, 'wapiti.log'), output);
  if (timedOut || code !== 0) {
    return { findings: [`wapiti ${timedOut ? 'overran its budget' : `exited with ${code}`}\n${output.slice(-3000)}`] };
  }
  const parsed = JSON.parse(readFileSync(report, 'utf8'));
  const findings = [];
  for (const [kind, entries] of Object.entries(parsed.vulnerabilities ?? {})) {
    for (const entry of entries) {
      findings.push(`${kind}: ${entry.info} (${entry.method} ${entry.path} ${entry.parameter ?? ''})`);
    }
  }
  // A 500 is a bug of its own: bad input must be answered with a 4xx problem.
  for (const [kind, entries] of Object.entries(parsed.anomalies ?? {})) {
    for (const entry of entries) {
      if (/internal server error/i.test(kind)) findings.push(`${kind}: ${entry.info} (${entry.method} ${entry.path})`);
    }
  }
  return { findings, report: parsed };
}

// ---- main ----------------------------------------------------------------------------------------
/** One scanner's run: its findings plus any 5xx it provoked (bad input must get a 4xx problem). */
async function measured(name, run) {
  const started = Date.now();
  const before = await requestsServed();
  const result = await run();
  const requests = served(before, await requestsServed());
  if (requests['5xx'] > 0) result.findings.push(`${requests['5xx']} requests answered with a 5xx`);
  const seconds = Math.round((Date.now() - started) / 1000);
  say(
    `${name}: ${requests.total} requests (${JSON.stringify(requests)}), ${result.findings.length} findings, ${seconds} s`,
  );
  return { requests: requests.total, findings: result.findings, seconds };
}

let failed = false;
try {
  await waitReady();
  const ids = await seed();
  say(`Deedbox on ${base}, seeded; sqlmap (budget ${SQLMAP_BUDGET_S} s), then wapiti (budget ${WAPITI_BUDGET_S} s)`);
  const sqlmap = await measured('sqlmap', () => runSqlmap(ids));
  const wapiti = await measured('wapiti', () => runWapiti(ids));
  for (const finding of [...sqlmap.findings, ...wapiti.findings]) console.error(`scan finding: ${finding}`);
  for (const cause of serverErrors()) console.error(`scan: server error: ${cause}`);
  failed = sqlmap.findings.length + wapiti.findings.length > 0;
  // finishedAt dates the trust page's "last automated security test" (TRUST_SCAN_SUMMARY points here).
  const summary = {
    finishedAt: new Date().toISOString(),
    sqlmap: { ...sqlmap, findings: sqlmap.findings.length },
    wapiti: { ...wapiti, findings: wapiti.findings.length },
  };
  writeFileSync(join(reports, 'scan.json'), JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(`scan: ${error.stack ?? error}`);
  failed = true;
}
stopServer();
process.exit(failed ? 1 : 0);
