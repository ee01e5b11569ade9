import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from './test/api.js';
import { TEST_DATABASE_ENV } from './test/harness.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const database = TEST_DATABASE_ENV;

let server: ChildProcess | undefined;
afterAll(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

/** Starts `deedbox serve` and resolves with its URL once it logs that it listens. */
function serve(): Promise<{ child: ChildProcess; url: string; stdout: string[] }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    SCRYPT_LOG_N: '12',
    SHUTDOWN_GRACE_MS: '5000',
    // The database is shared with other test files: no background worker acting on their orgs.
    WORKER: 'false',
    ...database,
  };
  const child = spawn(process.execPath, ['bin/deedbox.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  const stdout: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      const match = line.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve({ child, url: match[1]!, stdout });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
}

/** 'connected', or the error code of a refused connection. */
function connectOutcome(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('graceful shutdown on SIGTERM', () => {
  it('closes idle connections, refuses new ones, finishes the request in flight and exits 0', async () => {
    const { child, url, stdout } = await serve();
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // An idle keep-alive connection: the server must close it when it starts draining.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const idle = await new Promise<net.Socket>((resolve, reject) => {
      const req = http.get(`${url}/healthz`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.socket!));
      });
      req.on('error', reject);
    });
    const idleClosed = once(idle, 'close');

    // A sign-up whose body is withheld until the signal has arrived; 100-continue proves the
    // server has read its headers, so it is in flight, not waiting in the accept queue.
    const body = JSON.stringify({
      name: 'Sam Shutdown',
      email: uniqueEmail('drain'),
      password: PASSWORD,
      companyName: 'Drain AG',
    });
    const inFlight = http.request(`${url}/api/v1/auth/sign-up`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const answered = once(inFlight, 'response') as Promise<[http.IncomingMessage]>;
    inFlight.flushHeaders();
    await once(inFlight, 'continue');

    child.kill('SIGTERM');
    await idleClosed;
    inFlight.end(body);
    const [res] = await answered;
    let answer = '';
    for await (const chunk of res) answer += chunk;
    expect({ status: res.statusCode, body: answer }).toEqual({ status: 202, body: '{}' });
    // The server answered a body sent after it began closing, so its listener is already shut.
    expect(await connectOutcome(url)).toBe('ECONNREFUSED');

    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stdout.some((line) => line.includes('shutting down: draining requests'))).toBe(true);
    expect(await connectOutcome(url)).toBe('ECONNREFUSED');
    agent.destroy();
  }, 90_000);
});
