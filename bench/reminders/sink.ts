import { SmtpSink } from '../../server/test/smtp-sink.js';

/**
 * The tests' SMTP sink (smtp-server, every message parsed by mailparser) in a process of its
 * own, so its parsing does not share the sending worker's event loop. Talks over IPC:
 * `{ port }` once listening; `count` and `reset` answer `{ id, count }`.
 */
const sink = new SmtpSink();
const port = await sink.start(0);
process.on('message', (m: { op: 'count' | 'reset'; id: number }) => {
  if (m.op === 'reset') sink.messages.splice(0);
  process.send!({ id: m.id, count: sink.messages.length });
});
process.on('disconnect', () => {
  void sink.stop().then(() => process.exit(0));
});
process.send!({ port });
