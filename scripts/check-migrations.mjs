// Fails when the Drizzle schema and the checked-in SQL migrations have drifted apart:
// drizzle-kit generates into a scratch copy of the migrations and must find nothing to do.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const scratch = path.relative(process.cwd(), mkdtempSync('node_modules/.deedbox-drift-'));
const out = path.join(scratch, 'migrations');
cpSync('server/db/migrations', out, { recursive: true });
const config = path.join(scratch, 'drizzle.config.mjs');
writeFileSync(config, `export default ${JSON.stringify({ dialect: 'postgresql', schema: './server/db/schema/index.ts', out })};\n`);
try {
  const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'drift'], { encoding: 'utf8' });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0 || !output.includes('No schema changes')) {
    console.error(output.trim());
    console.error('\nSchema and migrations have drifted: run `npm run db:generate` and commit the new migration.');
    process.exit(1);
  }
  console.log('migrations match the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
