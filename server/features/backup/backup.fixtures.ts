import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { createBlobStore } from '../../platform/storage/create-store.js';
import type { ownDatabase } from '../../test/own-database.js';
import type { BackupDeps } from './backup.service.js';

export type Own = Awaited<ReturnType<typeof ownDatabase>>;

/** The deployment on an own database: its database (migrated) and its blob store, as the CLI opens them. */
export async function openDeployment(
  own: Own,
  shared: Record<string, string>,
): Promise<BackupDeps & { close(): Promise<void> }> {
  const config = loadConfig({ ...own.env, ...shared });
  const database = await openDatabase(config);
  await database.migrate();
  const blobs = await createBlobStore(config.storage);
  return {
    config,
    database,
    blobs,
    async close() {
      await blobs.close();
      await database.close();
    },
  };
}
