import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScannedPage } from './worker-protocol.js';

/** Scanned pages are rendered at this resolution, lower only when the page is so large that the image would exceed MAX_RENDER_SIDE. */
export const OCR_DPI = 200;
const MAX_RENDER_SIDE = 5000;
/** The languages we read, as tesseract names them; whichever of them are installed are used. */
const LANGUAGES = ['eng', 'deu'];

export interface OcrTools {
  tesseract: string;
  /** Null without poppler-utils: images are read, scanned PDF pages are not. */
  pdftoppm: string | null;
  languages: string;
}

export type OcrResult = { ok: true; pages: string[] } | { ok: false; reason: 'timeout' | 'unreadable' };

/** One thread each: on few cores tesseract's OpenMP threads slow it down, and nothing of ours leaks into it. */
const TOOL_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1', LANG: 'C.UTF-8' };

async function findExecutable(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':').filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}

type Run = { ok: true; stdout: string } | { ok: false; reason: 'timeout' | 'unreadable' };

/** Runs a tool with an argument array (no shell), SIGKILLed at the deadline. */
function runTool(file: string, args: string[], deadline: number): Promise<Run> {
  const timeout = deadline - Date.now();
  if (timeout <= 0) return Promise.resolve({ ok: false, reason: 'timeout' });
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout, killSignal: 'SIGKILL', env: TOOL_ENV, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (!error) return resolve({ ok: true, stdout });
        // killed: our timeout, unless it was the output limit that ended it.
        const timedOut = error.killed && (error as NodeJS.ErrnoException).code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
        resolve({ ok: false, reason: timedOut ? 'timeout' : 'unreadable' });
      },
    );
  });
}

let tools: Promise<OcrTools | null> | null = null;

/** tesseract with English and/or German, and pdftoppm when present; looked up once per process. */
export function findOcrTools(): Promise<OcrTools | null> {
  tools ??= (async () => {
    const tesseract = await findExecutable('tesseract');
    if (!tesseract) return null;
    const listed = await runTool(tesseract, ['--list-langs'], Date.now() + 10_000);
    const installed = listed.ok ? listed.stdout.split('\n').map((l) => l.trim()) : [];
    const languages = LANGUAGES.filter((l) => installed.includes(l));
    if (languages.length === 0) return null;
    return { tesseract, pdftoppm: await findExecutable('pdftoppm'), languages: languages.join('+') };
  })();
  return tools;
}

/** Tesseract's text per page: it ends every page (a TIFF may have several) with a form feed. */
function splitPages(stdout: string): string[] {
  const pages = stdout.split('\f').map((p) => p.trim());
  if (pages.length > 1 && pages[pages.length - 1] === '') pages.pop();
  return pages;
}

export async function ocrImage(ocr: OcrTools, file: string, deadline: number): Promise<OcrResult> {
  const run = await runTool(ocr.tesseract, [file, 'stdout', '-l', ocr.languages], deadline);
  return run.ok ? { ok: true, pages: splitPages(run.stdout) } : run;
}

/** Renders one PDF page to a grey PNG in a private temporary folder and reads it. */
export async function ocrPdfPage(ocr: OcrTools, file: string, page: ScannedPage, deadline: number): Promise<OcrResult> {
  if (!ocr.pdftoppm) return { ok: false, reason: 'unreadable' };
  const longest = Math.max(page.width, page.height) / 72;
  const dpi = Math.max(1, Math.min(OCR_DPI, Math.floor(MAX_RENDER_SIDE / longest)));
  const dir = await mkdtemp(path.join(tmpdir(), 'deedbox-ocr-'));
  try {
    const png = path.join(dir, 'page');
    const number = String(page.index + 1);
    const args = ['-r', String(dpi), '-f', number, '-l', number, '-gray', '-png', '-singlefile', file, png];
    const render = await runTool(ocr.pdftoppm, args, deadline);
    if (!render.ok) return render;
    return await ocrImage(ocr, `${png}.png`, deadline);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
