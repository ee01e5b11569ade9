import type { Readable } from 'node:stream';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';
import { assertBlobName, BlobNotFoundError, type BlobStore, listPrefix } from './blob-store.js';
import { guardedPut } from './guarded-put.js';

/** Staged blocks of 4 MiB, 4 at a time: about 20 MB of buffers per upload, whatever its size. */
const BLOCK_SIZE = 4 * 1024 * 1024;
const CONCURRENCY = 4;

const isNotFound = (error: unknown) => error instanceof RestError && error.statusCode === 404;

/**
 * Blobs as block blobs in one Azure Blob Storage container, made on first use. A block blob
 * becomes readable only with its final commitBlockList, which uploadStream sends only after the
 * whole input has been staged: an input that breaks leaves uncommitted blocks, which no read or
 * listing shows and Azure discards after a week.
 */
export function azureStore(options: { connectionString: string; container: string }): BlobStore {
  const container: ContainerClient = BlobServiceClient.fromConnectionString(
    options.connectionString,
  ).getContainerClient(options.container);
  let created: Promise<unknown> | null = null;
  const ready = async () => {
    created ??= container.createIfNotExists().catch((error: unknown) => {
      // A credential scoped to one container (a SAS) may not create it; it exists, or every call will say so.
      if (error instanceof RestError && error.statusCode === 403) return;
      created = null;
      throw error;
    });
    await created;
  };
  const blobOf = async (name: string) => {
    assertBlobName(name);
    await ready();
    return container.getBlockBlobClient(name);
  };

  return {
    kind: 'azure',
    async put(name, body) {
      const blob = await blobOf(name);
      return guardedPut(body, (stream) =>
        blob.uploadStream(stream, BLOCK_SIZE, CONCURRENCY, {
          blobHTTPHeaders: { blobContentType: 'application/octet-stream' },
        }),
      );
    },
    async get(name, range) {
      const blob = await blobOf(name);
      try {
        const response = range ? await blob.download(range.start, range.end - range.start + 1) : await blob.download();
        return response.readableStreamBody as Readable;
      } catch (error) {
        throw isNotFound(error) ? new BlobNotFoundError(name) : error;
      }
    },
    async size(name) {
      const blob = await blobOf(name);
      try {
        return (await blob.getProperties()).contentLength ?? 0;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async delete(name) {
      await (await blobOf(name)).deleteIfExists({ deleteSnapshots: 'include' });
    },
    async *list(prefix) {
      const under = listPrefix(prefix);
      await ready();
      for await (const item of container.listBlobsFlat({ prefix: under })) yield item.name;
    },
    async close() {},
  };
}
