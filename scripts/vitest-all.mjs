// Runs the whole vitest suite as two processes side by side: the PGlite project in one, the unit, PostgreSQL and
// attack projects in the other. Vitest alone runs one file at a time on this 2-core machine, and the PostgreSQL files
// share one database, so they stay one at a time; the PGlite files open a database of their own in memory and wait on
// nothing the other process holds. Fails when either process fails. With arguments, it is plain `vitest run ARGS`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const vitest = 'node_modules/vitest/vitest.mjs';
const args = process.argv.slice(2);

/** Starts one vitest process; its lines go to our stdout, prefixed when a label is given. Resolves to its exit code. */
function run(label, vitestArgs, env) {
  const child = spawn(process.execPath, [vitest, 'run', ...vitestArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', label ? 'pipe' : 'inherit', label ? 'pipe' : 'inherit'],
  });
  if (label) {
    for (const stream of [child.stdout, child.stderr]) {
      const out = stream === child.stdout ? process.stdout : process.stderr;
      createInterface({ input: stream }).on('line', (line) => out.write(`[${label}] ${line}\n`));
    }
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

if (args.length > 0) {
  process.exit(await run(null, args, {}));
}

const [pg, pglite] = await Promise.all([
  run('pg', ['--project', 'unit', '--project', 'postgres', '--project', 'attack'], {
    VITEST_JSON_REPORT: 'reports/vitest-pg.json',
  }),
  run('pglite', ['--project', 'pglite'], { VITEST_JSON_REPORT: 'reports/vitest-pglite.json' }),
]);
console.log(`vitest: PostgreSQL side exit ${pg}, PGlite side exit ${pglite}`);
process.exit(pg !== 0 || pglite !== 0 ? 1 : 0);
