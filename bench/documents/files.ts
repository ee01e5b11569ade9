import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, type ServerProcess, watchMemory } from '../server-process.js';
import { GeneratedFile } from './generated.js';
import { rawKey, rawOpen, rawSeal } from './raw-seal.js';
import { download, upload } from './transfer.js';

const MIB = 1024 * 1024;
export const TARGET_RATIO = 0.5;
export const TARGET_RSS_MB = 200;
const WARM_UP_MIB = 16;

export interface Session {
  cookie: string;
  csrf: string;
}

/** One transfer: wall seconds, CPU seconds of the server and of this process, and the server's peak RSS (MB). */
interface Step {
  seconds: number;
  serverCpu: number;
  ownCpu: number;
  peakRss: number;
}

export interface Round {
  rawSeal: Step;
  rawOpen: Step;
  bareUpload: Step;
  bareDownload: Step;
  upload: Step;
  download: Step;
  /** The server's RSS before the upload (MB). */
  rssBefore: number;
}

const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Runs work, timing it and counting CPU on both sides; the server's memory is watched when there is a server. */
async function step<T>(
  server: { pid: number } | null,
  work: () => Promise<T>,
): Promise<Step & { result: T; before: number }> {
  const cpu0 = server ? cpuSeconds(server.pid) : 0;
  const own0 = ownCpu();
  const stopWatch = server ? watchMemory(server.pid) : () => ({ peak: 0, before: 0 });
  const start = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { peak, before } = stopWatch();
  return {
    result,
    seconds,
    serverCpu: server ? cpuSeconds(server.pid) - cpu0 : 0,
    ownCpu: ownCpu() - own0,
    peakRss: peak,
    before,
  };
}

async function measureApp(server: ServerProcess, session: Session, contractId: string, file: GeneratedFile) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const up = await step(server, () => upload(`${server.url}/api/v1/contracts/${contractId}/documents`, headers, file));
  if (up.result.status !== 201) throw new Error(`upload answered ${up.result.status}: ${up.result.body.slice(0, 500)}`);
  const doc = JSON.parse(up.result.body) as { id: string; versions: { size: number; sha256: string }[] };
  const version = doc.versions[0]!;
  if (version.size !== file.size || version.sha256 !== file.sha256()) {
    throw new Error(`the server recorded ${version.size} bytes, sha256 ${version.sha256}; sent ${file.sha256()}`);
  }
  const down = await step(server, () =>
    download(`${server.url}/api/v1/documents/${doc.id}/content`, { cookie: session.cookie }, file),
  );
  if (down.result.status !== 200) {
    throw new Error(`download answered ${down.result.status}: ${down.result.body.slice(0, 500)}`);
  }
  if (!down.result.matches) {
    throw new Error(`downloaded ${down.result.bytes} bytes, not the ${file.size} bytes uploaded`);
  }
  return { upload: up, download: down, rssBefore: up.before };
}

async function measureBare(bare: BareHttp, file: GeneratedFile) {
  const up = await step(bare, () => upload(`${bare.url}/`, {}, file));
  if (up.result.status !== 200 || Number(up.result.body) < file.size) {
    throw new Error(`bare POST answered ${up.result.status}: ${up.result.body}`);
  }
  const down = await step(bare, () => download(`${bare.url}/`, {}, file));
  if (!down.result.matches) {
    throw new Error(`bare GET answered ${down.result.status} with ${down.result.bytes} bytes`);
  }
  return { bareUpload: up, bareDownload: down };
}

async function measureRaw(file: GeneratedFile, dir: string) {
  const out = path.join(dir, 'raw-sealed');
  const key = rawKey();
  try {
    const sealed = await step(null, () => rawSeal(file, out, key));
    const opened = await step(null, () => rawOpen(out, key, file.size));
    return { rawSeal: sealed, rawOpen: opened };
  } finally {
    await rm(out, { force: true });
  }
}

interface BareHttp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** bare-http.ts in a process of its own, serving the same generated file. */
async function startBare(file: GeneratedFile): Promise<BareHttp> {
  const child = fork(fileURLToPath(new URL('./bare-http.ts', import.meta.url)), [String(file.size), file.seed], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [port] = (await Promise.race([once(child, 'message'), exited.then(() => [null])])) as [number | null];
  if (!port) throw new Error('the bare HTTP server did not start');
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}

/** Brings the app's and the bare server's code paths up to speed (JIT, first allocations) before anything is timed. */
async function warmUp(server: ServerProcess, session: Session, contractId: string, bare: BareHttp) {
  const small = new GeneratedFile(WARM_UP_MIB * MIB);
  await measureApp(server, session, contractId, small);
  await upload(`${bare.url}/`, {}, small);
}

/**
 * Each round: the raw loop (generate → AES-256-GCM → file, then file → open → drop), the bare
 * HTTP server (POST, then GET) and the app (upload through the API, then download), one after
 * the other; the order reverses every other round.
 */
export async function measureFiles(
  server: ServerProcess,
  session: Session,
  contractId: string,
  opts: { sizeMiB: number; rounds: number; rawDir: string },
  log: (l: string) => void,
): Promise<Round[]> {
  const file = new GeneratedFile(opts.sizeMiB * MIB);
  const bare = await startBare(file);
  file.sha256();
  try {
    await warmUp(server, session, contractId, bare);
    const rounds: Round[] = [];
    const parts = [
      () => measureRaw(file, opts.rawDir),
      () => measureBare(bare, file),
      () => measureApp(server, session, contractId, file),
    ];
    for (let i = 0; i < opts.rounds; i++) {
      const forward = i % 2 === 0;
      log(`round ${i + 1}: ${forward ? 'raw loop, bare HTTP, API' : 'API, bare HTTP, raw loop'}`);
      const round = {};
      for (const part of forward ? parts : [...parts].reverse()) Object.assign(round, await part());
      rounds.push(round as Round);
    }
    return rounds;
  } finally {
    await bare.stop();
  }
}

export function reportFiles(rounds: Round[], sizeMiB: number, log: (l: string) => void) {
  const gib = sizeMiB / 1024;
  const col = (s: string, w: number) => s.padStart(w);
  const rate = (s: Step) => `${(sizeMiB / s.seconds).toFixed(0)} (${s.seconds.toFixed(1)} s)`;
  const cpu = (s: Step) =>
    s.serverCpu ? `${(s.serverCpu / gib).toFixed(1)}+${(s.ownCpu / gib).toFixed(1)}` : (s.ownCpu / gib).toFixed(1);
  log(
    `\n${sizeMiB} MiB, generated. MiB/s (wall seconds); CPU seconds per GiB: server + bench process (the client: ` +
      'it generates and sends, or receives and compares)',
  );
  log(
    `${'round'.padEnd(10)}${col('raw', 15)}${col('bare HTTP', 15)}${col('API', 15)}${col('API/raw', 9)}${col('API/bare', 10)}` +
      `${col('CPU raw', 9)}${col('CPU bare', 10)}${col('CPU API', 10)}${col('peak RSS', 10)}`,
  );
  rounds.forEach((r, i) => {
    const line = (label: string, raw: Step, bare: Step, api: Step) =>
      log(
        `${`${i + 1} ${label}`.padEnd(10)}${col(rate(raw), 15)}${col(rate(bare), 15)}${col(rate(api), 15)}` +
          `${col((raw.seconds / api.seconds).toFixed(2), 9)}${col((bare.seconds / api.seconds).toFixed(2), 10)}` +
          `${col(cpu(raw), 9)}${col(cpu(bare), 10)}${col(cpu(api), 10)}${col(`${api.peakRss.toFixed(0)} MB`, 10)}`,
      );
    line('up', r.rawSeal, r.bareUpload, r.upload);
    line('down', r.rawOpen, r.bareDownload, r.download);
  });
  log(
    `server RSS after the ${WARM_UP_MIB} MiB warm-up, before the first measured upload: ${rounds[0]!.rssBefore.toFixed(0)} MB`,
  );
  const lowest = (pick: (r: Round) => number) => Math.min(...rounds.map(pick));
  const upRatio = lowest((r) => r.rawSeal.seconds / r.upload.seconds);
  const downRatio = lowest((r) => r.rawOpen.seconds / r.download.seconds);
  const peak = Math.max(...rounds.map((r) => Math.max(r.upload.peakRss, r.download.peakRss)));
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  log(
    `upload / raw seal (lowest):   ${upRatio.toFixed(2)}: ${verdict(upRatio >= TARGET_RATIO)} (target ≥ ${TARGET_RATIO})`,
  );
  log(
    `download / raw open (lowest): ${downRatio.toFixed(2)}: ${verdict(downRatio >= TARGET_RATIO)} (target ≥ ${TARGET_RATIO})`,
  );
  log(
    `server peak RSS:              ${peak.toFixed(0)} MB: ${verdict(peak <= TARGET_RSS_MB)} (target ≤ ${TARGET_RSS_MB} MB)`,
  );
}
