import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';

/**
 * Vitest global setup for the PGlite project: migrates one in-memory PGlite and dumps its data
 * directory, so each test file's PGlite loads that instead of running initdb and every migration.
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({ database: { kind: 'pglite', dataDir: null } });
  await database.migrate();
  const image = await database.dumpImage!();
  await database.close();
  const file = path.join(tmpdir(), `deedbox-pglite-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', file);
  return () => rmSync(file, { force: true });
}
