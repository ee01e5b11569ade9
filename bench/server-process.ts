import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The server compiled as `npm run build:server` does, into bench/dist (git-ignored as dist/, inside
 * the repository so the compiled files find node_modules): memory as in production, without tsx.
 * Incremental, so a later run with few changes compiles in seconds.
 */
export function compileServer(log: (l: string) => void): string {
  const out = path.join(ROOT, 'bench/dist');
  log('compiling the server (tsc -p tsconfig.build.json, incremental, into bench/dist) ...');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  // Type errors elsewhere in the tree (work in progress) do not stop tsc from emitting.
  spawnSync(
    process.execPath,
    [
      tsc,
      '-p',
      'tsconfig.build.json',
      '--outDir',
      out,
      '--sourceMap',
      'false',
      '--incremental',
      '--tsBuildInfoFile',
      path.join(out, '.tsbuildinfo'),
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const main = path.join(out, 'server/main.js');
  if (!existsSync(main)) throw new Error('tsc emitted no server/main.js');
  cpSync(path.join(ROOT, 'server/db/migrations'), path.join(out, 'server/db/migrations'), { recursive: true });
  return main;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (the kernel's peak resident set) of a process, in MB. */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Sets VmHWM back to the current RSS (Linux: `5` into clear_refs), so a later VmHWM is the peak since now. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User plus system CPU time a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/**
 * Watches a process's memory from now on: VmRSS sampled every 20 ms, and VmHWM reset first where
 * the kernel allows it; stop() answers the peak since the start.
 */
export function watchMemory(pid: number): () => { peak: number; before: number } {
  const reset = resetPeak(pid);
  const before = memory(pid).rss;
  let sampled = before;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, memory(pid).rss);
    } catch {
      // A server that died shows in the transfer; the sampler just stops counting.
    }
  }, 20);
  return () => {
    clearInterval(timer);
    const now = memory(pid);
    return { peak: Math.max(sampled, now.rss, reset ? now.hwm : 0), before };
  };
}

export async function waitUntilUp(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `node <main> serve` on a free loopback port with env on top of this process's; resolves once /healthz answers. */
export async function startServerProcess(
  main: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, main, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** The machine is shared: its load says how much of the CPUs a run had. */
export const machineLoad = () =>
  `${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;

export interface Measured {
  seconds: number;
  /** The process's peak resident set (VmRSS sampled every 20 ms), MB. */
  peakRss: number;
  stdout: string;
}

/** Runs a command to its end (stdout kept, stderr shown), timing it and sampling its memory; rejects unless it exits 0. */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    let peakRss = 0;
    const timer = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memory(child.pid!).rss);
      } catch {
        // Gone between two samples: the exit handler reports.
      }
    }, 20);
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code === 0) resolve({ seconds, peakRss, stdout });
      else reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? `exit ${code}`}`));
    });
  });
}
