#!/usr/bin/env node
// Runs the compiled CLI when built; otherwise the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/server/cli.js', import.meta.url);
const { run } = existsSync(built)
  ? await import(built.href)
  : await (await import('tsx/esm/api')).tsImport('../server/cli.ts', import.meta.url);
const code = await run(process.argv.slice(2));
if (code >= 0) process.exit(code);
