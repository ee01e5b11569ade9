import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { textKind } from './text-kinds.js';
import type { WorkerTask } from './worker-protocol.js';

/** The worker's V8 heap; parsing a hostile file past it ends that process, not ours. */
export const WORKER_HEAP_MB = 512;

const here = fileURLToPath(import.meta.url);
const DIR = path.dirname(here);
/** Compiled (dist/…/isolate.js) the worker is compiled too; from sources (tsx, vitest) it is TypeScript. */
const compiled = here.endsWith('.js');

/** Only PATH reaches the worker: no keys, database URLs or other secrets of ours. */
const OPTIONS = {
  env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  stdio: ['ignore', 'ignore', 'pipe', 'ipc'] as ('ignore' | 'pipe' | 'ipc')[],
  serialization: 'json' as const,
};
const HEAP = `--max-old-space-size=${WORKER_HEAP_MB}`;

/**
 * From sources the worker runs through tsx, which rewrites every ES module it loads; pdf.js is
 * 6 MB of them, so it is loaded first, before tsx is registered, and the worker finds it cached.
 */
function startFromSources(task: WorkerTask): ChildProcess {
  const pdf = task.task === 'extract' && textKind(task.mimeType) === 'pdf';
  const boot = [
    pdf
      ? "await import('pdfjs-dist/legacy/build/pdf.mjs'); await import('pdfjs-dist/legacy/build/pdf.worker.mjs');"
      : '',
    "(await import('tsx/esm/api')).register();",
    `await import(${JSON.stringify(pathToFileURL(path.join(DIR, 'text.worker.ts')).href)});`,
  ].join('');
  // Bare specifiers in --eval resolve from the working directory: this one, inside the project.
  return spawn(process.execPath, [HEAP, '--input-type=module', '--eval', boot], { ...OPTIONS, cwd: DIR });
}

function start(task: WorkerTask): ChildProcess {
  if (!compiled) return startFromSources(task);
  return fork(path.join(DIR, 'text.worker.js'), [], { ...OPTIONS, execArgv: [HEAP] });
}

/** How an isolated run ended: its answer (still to be validated), or why there is none. */
export type Isolated = { ok: true; reply: unknown } | { ok: false; reason: 'timeout' | 'out_of_memory' | 'crashed' };

/**
 * Runs one task in a fresh Node process with a limited heap and SIGKILLs it once it has
 * answered or when the time is up. Resolves after the process has exited, so nothing is left
 * running. Rejects only when no process can be started.
 */
export function runIsolated(task: WorkerTask, timeoutMs: number): Promise<Isolated> {
  return new Promise((resolve, reject) => {
    const absolute = { ...task, file: path.resolve(task.file) };
    const child = start(absolute);
    let outcome: Isolated | null = null;
    let stderr = '';
    const kill = (result: Isolated) => {
      outcome ??= result;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill({ ok: false, reason: 'timeout' }), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4096);
    });
    child.once('message', (reply) => kill({ ok: true, reply }));
    // Not starting rejects; a failed send to a process that already died ends in 'exit' like any crash.
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      // V8 prints this when the heap limit is reached: the file needed more memory than we allow.
      const oom = /heap limit|out of memory/i.test(stderr);
      resolve(outcome ?? { ok: false, reason: oom ? 'out_of_memory' : 'crashed' });
    });
    child.send(absolute);
  });
}
