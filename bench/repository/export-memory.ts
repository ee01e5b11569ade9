import http from 'node:http';
import pg from 'pg';
import { compileServer, memory, startServerProcess } from '../server-process.js';
import { signIn } from './http.js';
import { ADMIN } from './seed.js';

const TARGET_MB = 300;

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
  const main = compileServer(log);
  const server = await startServerProcess(
    main,
    { ...env, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' },
    heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : [],
  );
  const base = server.url;
  const pid = server.pid;
  try {
    const cookie = await signIn(base, ADMIN.email, ADMIN.password);
    log(
      `Excel export of the big org (GET /api/v1/contracts/export?format=xlsx, compiled server in its own process${heapLimitMb ? `, --max-old-space-size=${heapLimitMb}` : ''})`,
    );
    for (const status of ['draft', null]) {
      const rows = await countRows(dbUrl, orgId, status);
      const label = `${rows} rows${status ? ` (status=${status})` : ''}`;
      const query = status ? `&status=${status}` : '';
      const before = memory(pid);
      const result = await download(`${base}/api/v1/contracts/export?format=xlsx${query}`, cookie, pid);
      const after = memory(pid);
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
    await server.stop();
  }
}
