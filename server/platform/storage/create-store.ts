import type { StorageConfig } from '../../config.js';
import type { BlobStore } from './blob-store.js';
import { localStore } from './local-store.js';

/**
 * The configured driver's store. A cloud driver's module, and its SDK (20-30 MB of memory each),
 * is loaded only when it is the one configured.
 */
export async function createBlobStore(storage: StorageConfig): Promise<BlobStore> {
  switch (storage.driver) {
    case 'local':
      return localStore(storage.dir);
    case 'azure':
      return (await import('./azure-store.js')).azureStore(storage);
    case 's3':
      return (await import('./s3-store.js')).s3Store(storage);
  }
}
