import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import migrate from '../test/pg-setup.js';

const dir = path.resolve('reports/attack');

/** The PostgreSQL set-up of the integration tests; afterwards the classes' counts become one summary. */
export default async function setup() {
  rmSync(dir, { recursive: true, force: true });
  await migrate();
  return () => {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return;
    }
    const classes = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/attack-summary.json', JSON.stringify({ ranAt: new Date().toISOString(), classes }, null, 2));
  };
}
