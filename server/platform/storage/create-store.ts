import type { StorageConfig } from '../../config.js';
import { azureStore } from './azure-store.js';
import type { BlobStore } from './blob-store.js';
import { localStore } from './local-store.js';
import { s3Store } from './s3-store.js';

/** The configured driver's store. */
export function createBlobStore(storage: StorageConfig): BlobStore {
  switch (storage.driver) {
    case 'local':
      return localStore(storage.dir);
    case 'azure':
      return azureStore(storage);
    case 's3':
      return s3Store(storage);
  }
}
