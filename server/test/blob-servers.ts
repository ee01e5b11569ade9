import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StorageConfig } from '../config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_LIMIT_MS = 30_000;
const STOP_LIMIT_MS = 10_000;

/** Azurite's well-known development account (public, in Microsoft's documentation). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface BlobServer<S extends StorageConfig> {
  storage: S;
  stop(): Promise<void>;
}

/**
 * Runs an emulator as a child process on port 0 and resolves once it has said which port the
 * system gave it and answers a real HTTP request there. A server that does not start fails the
 * test that needs it (CI included): both emulators are devDependencies, so that is a real fault.
 */
async function startServer(
  label: string,
  command: (dir: string) => string[],
  listening: RegExp,
): Promise<{ port: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), `deedbox-${label}-`));
  const child = spawn(process.execPath, command(dir), {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not listen within ${START_LIMIT_MS} ms`)), START_LIMIT_MS);
      const read = (chunk: Buffer) => {
        output += chunk;
        const match = listening.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.off('exit', exited);
        resolve(Number(match[1]));
      };
      const exited = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code}`));
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk;
      });
      child.once('exit', exited);
    });
    // Listening is not yet serving: one real request must be answered (any status will do).
    await fetch(`http://127.0.0.1:${port}/`);
    return { port, stop };
  } catch (error) {
    await stop();
    throw new Error(`${label} did not start: ${(error as Error).message}\n${output.slice(-2000)}`);
  }
}

/** Azurite's blob service, in memory, on a free loopback port; the container is made by the store. */
export async function startAzurite(
  container = 'deedbox-test',
): Promise<BlobServer<StorageConfig & { driver: 'azure' }>> {
  const server = await startServer(
    'azurite',
    () => [
      path.join(ROOT, 'node_modules/azurite/dist/src/blob/main.js'),
      '--silent',
      '--disableTelemetry',
      '--inMemoryPersistence',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--skipApiVersionCheck',
    ],
    /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/,
  );
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${server.port}/${AZURITE_ACCOUNT};`,
  ].join(';');
  return { storage: { driver: 'azure', connectionString, container }, stop: server.stop };
}

/** s3rver on a free loopback port with the buckets named (storage uses the first), objects in a temporary folder. */
export async function startS3rver(
  buckets: [string, ...string[]] = ['deedbox-test'],
): Promise<BlobServer<StorageConfig & { driver: 's3' }>> {
  const server = await startServer(
    's3rver',
    (dir) => [
      // s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
      '--openssl-legacy-provider',
      path.join(ROOT, 'node_modules/s3rver/bin/s3rver.js'),
      ...['-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent'],
      ...buckets.flatMap((bucket) => ['--configure-bucket', bucket]),
    ],
    /S3rver listening on 127\.0\.0\.1:(\d+)/,
  );
  return {
    storage: {
      driver: 's3',
      endpoint: `http://127.0.0.1:${server.port}`,
      region: 'us-east-1',
      bucket: buckets[0],
      // s3rver's fixed development credentials.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    stop: server.stop,
  };
}
