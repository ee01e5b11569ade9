import type { StorageConfig } from '../../config.js';
import type { BlobStore } from './blob-store.js';
import { localStore } from './local-store.js';

export function createBlobStore(storage: StorageConfig): BlobStore {
  return localStore(storage.dir);
}
