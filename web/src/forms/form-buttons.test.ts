import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

// Lint-like guards: a button or nested form that submits the wrong form loses a half-filled contract.
describe('forms in web/src', () => {
  it('give every raw <button> an explicit type (the HTML default is submit)', () => {
    const offenders = files.flatMap(({ path, text }) =>
      [...text.matchAll(/<button\b[^>]*>/g)].filter((m) => !/\btype=/.test(m[0])).map(() => path),
    );
    expect(offenders).toEqual([]);
  });

  it('answer only their own submits (form.onSubmit or ownSubmit), never a nested form’s', () => {
    const offenders = files.flatMap(({ path, text }) =>
      [...text.matchAll(/<form\b[^>]*?onSubmit=\{([^}]*)\}/gs)]
        .filter(([, handler = '']) => {
          if (handler.startsWith('ownSubmit(')) return false;
          return !new RegExp(`const ${handler.trim()} = \\w+\\.onSubmit\\(`).test(text);
        })
        .map(([, handler]) => `${path}: ${handler}`),
    );
    expect(offenders).toEqual([]);
  });

  it('open modals only through AppModal, which keeps a submit inside the modal', () => {
    const offenders = files
      .filter(({ path }) => path !== join('components', 'app-modal.tsx'))
      .filter(({ text }) => /import \{[^}]*\bModal\b[^}]*\} from '@mantine\/core'/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
