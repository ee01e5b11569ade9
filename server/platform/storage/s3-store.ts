import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertBlobName, BlobNotFoundError, type BlobStore, listPrefix } from './blob-store.js';
import { guardedPut } from './guarded-put.js';

export interface S3StoreOptions {
  endpoint?: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Keys per ListObjectsV2 page (S3's own maximum, 1000, unless a test wants pages). */
  listPageSize?: number;
}

/** Parts of 5 MiB (S3's smallest), 4 at a time: about 25 MB of buffers per upload, whatever its size. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 4;

const isNotFound = (error: unknown) => error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;

/**
 * The first count bytes of a ranged response. Some S3-compatible servers send more than asked
 * (s3rver answers bytes=0-0 with the whole object); readers of a range must never see more.
 */
function atMost(body: Readable, count: number): Readable {
  return Readable.from(
    (async function* () {
      let left = count;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (chunk.length >= left) {
          yield chunk.subarray(0, left);
          return;
        }
        left -= chunk.length;
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
}

/**
 * Blobs as objects in one S3-compatible bucket. Uploads go through lib-storage's Upload: one
 * PutObject for a small blob, else a multipart upload that only becomes an object with its
 * CompleteMultipartUpload, which is never sent when the input breaks (Upload aborts the parts).
 */
export function s3Store(options: S3StoreOptions): BlobStore {
  const client = new S3Client({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The default (checksums whenever supported) fails on streams of unknown length against some S3 servers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  const keyOf = (name: string) => {
    assertBlobName(name);
    return name;
  };

  return {
    kind: 's3',
    async put(name, body) {
      const Key = keyOf(name);
      return guardedPut(body, (stream) =>
        new Upload({
          client,
          params: { Bucket, Key, Body: stream, ContentType: 'application/octet-stream' },
          partSize: PART_SIZE,
          queueSize: QUEUE_SIZE,
          leavePartsOnError: false,
        }).done(),
      );
    },
    async get(name, range) {
      const Key = keyOf(name);
      try {
        const { Body, ContentRange } = await client.send(
          new GetObjectCommand({ Bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        if (!range) return Body as Readable;
        if (!ContentRange?.startsWith(`bytes ${range.start}-`)) {
          (Body as Readable).destroy();
          throw new Error(
            `The S3 server answered bytes ${range.start}-${range.end} of ${name} with ${ContentRange ?? 'all of it'}`,
          );
        }
        return atMost(Body as Readable, range.end - range.start + 1);
      } catch (error) {
        throw isNotFound(error) ? new BlobNotFoundError(name) : error;
      }
    },
    async size(name) {
      const Key = keyOf(name);
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key }))).ContentLength ?? 0;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async delete(name) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(name) }));
    },
    async *list(prefix) {
      const pages = paginateListObjectsV2(
        { client, pageSize: options.listPageSize ?? 1000 },
        { Bucket, Prefix: listPrefix(prefix) },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      }
    },
    async close() {
      client.destroy();
    },
  };
}
