/**
 * The floor of HTTP on this machine, run in its own process (`fork`): a plain node:http server,
 * no framework, that discards what is POSTed and answers a GET with the generated file of the
 * size and seed it was started with, written in 1 MiB blocks as the socket drains. It sends its port
 * over IPC once listening.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GeneratedFile } from './generated.js';

const file = new GeneratedFile(Number(process.argv[2]), process.argv[3]);

const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    req.on('end', () => res.writeHead(200).end(String(bytes)));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.size });
  void (async () => {
    for (const block of file.blocks()) {
      if (!res.write(block)) await once(res, 'drain');
    }
    res.end();
  })();
});
server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
process.on('disconnect', () => server.close(() => process.exit(0)));
