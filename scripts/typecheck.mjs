// Type-checks the three TypeScript projects side by side (server and shared code; the web app
// without Node's types; the web tests, and the code they import, with them) and fails when any fails.
// The production build's subset (tsconfig.build.json, no test code) is checked by `npm run build`.
import { spawn } from 'node:child_process';

const PROJECTS = ['tsconfig.json', 'web/tsconfig.json', 'web/tsconfig.test.json'];

const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ project, code, output }));
  });

const results = await Promise.all(PROJECTS.map(run));
for (const { project, code, output } of results) {
  if (code !== 0) process.stdout.write(`tsc -p ${project} failed:\n${output}\n`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
