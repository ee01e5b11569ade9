import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signIn } from './http.js';
import { ADMIN } from './seed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MB = 300;

/** The server compiled as `npm run build:server` does, into a temporary directory: memory as in production, without tsx. */
function buildServer(log: (l: string) => void): string {
  // Inside the repository (ignored as dist/) so the compiled files find node_modules.
  const out = path.join(ROOT, 'bench/repository/dist');
  rmSync(out, { recursive: true, force: true });
  log('\ncompiling the server for the export measurement (tsc -p tsconfig.build.json) ...');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  // Type errors elsewhere in the tree (work in progress) do not stop tsc from emitting.
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, '--sourceMap', 'false'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const main = path.join(out, 'server/main.js');
  if (!existsSync(main)) throw new Error('tsc emitted no server/main.js');
  cpSync(path.join(ROOT, 'server/db/migrations'), path.join(out, 'server/db/migrations'), { recursive: true });
  return main;
}

async function countRows(dbUrl: string, orgId: string, status: string | null): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select count(*)::int as n from contracts where org_id = $1 and deleted_at is null and ($2::text is null or status = $2)',
      [orgId, status],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (the kernel's peak resident set) of a process, in MB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function waitUntilUp(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the export server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the export server did not start');
}

/** Downloads `url` into nothing, sampling the server's RSS every 20 ms; peak from VmHWM when it rose meanwhile. */
function download(url: string, cookie: string, pid: number) {
  return new Promise<{ status: number; bytes: number; seconds: number; peakRss: number; type: string }>(
    (resolve, reject) => {
      let peakRss = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, memory(pid).rss);
      }, 20);
      const start = Date.now();
      http
        .get(url, { headers: { cookie } }, (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
          });
          res.on('end', () => {
            clearInterval(sampler);
            const seconds = (Date.now() - start) / 1000;
            resolve({
              status: res.statusCode ?? 0,
              bytes,
              seconds,
              peakRss,
              type: String(res.headers['content-type']),
            });
          });
        })
        .on('error', (e) => {
          clearInterval(sampler);
          reject(e);
        });
    },
  );
}

/**
 * Peak memory of the 100,000-row Excel export: the compiled server in its own process (so the
 * figure is the server's alone), its resident set read from /proc while the file streams. A
 * 10,000-row export beside it shows whether memory grows with rows.
 */
export async function measureExport(
  dbUrl: string,
  orgId: string,
  env: Record<string, string>,
  log: (l: string) => void,
  /** Caps V8's old space (MB): if the export still completes, it keeps no per-row memory beyond that. */
  heapLimitMb?: number,
) {
  const main = buildServer(log);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : []), main, 'serve'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, DATABASE_URL: dbUrl, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(base, child);
    const cookie = await signIn(base, ADMIN.email, ADMIN.password);
    log(
      `Excel export of the big org (GET /api/v1/contracts/export?format=xlsx, compiled server in its own process${heapLimitMb ? `, --max-old-space-size=${heapLimitMb}` : ''})`,
    );
    for (const status of ['draft', null]) {
      const rows = await countRows(dbUrl, orgId, status);
      const label = `${rows} rows${status ? ` (status=${status})` : ''}`;
      const query = status ? `&status=${status}` : '';
      const before = memory(child.pid!);
      const result = await download(`${base}/api/v1/contracts/export?format=xlsx${query}`, cookie, child.pid!);
      const after = memory(child.pid!);
      if (result.status !== 200) {
        log(`  PENDING: answered ${result.status} (${result.type}); export not available yet`);
        return;
      }
      const peak = after.hwm > before.hwm ? after.hwm : result.peakRss;
      log(
        `  ${label.padEnd(26)} ${(result.bytes / 2 ** 20).toFixed(1)} MB in ${result.seconds.toFixed(1)} s; server RSS before ${before.rss.toFixed(0)} MB, ` +
          `peak ${peak.toFixed(0)} MB: ${peak <= TARGET_MB ? 'met' : 'MISSED'} (target ≤ ${TARGET_MB} MB)`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
