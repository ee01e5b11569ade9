import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createMailer } from './mailer.js';
import { resetPasswordMail } from './messages.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, log: pino(stream) };
}

describe('development mailer (no SMTP_URL)', () => {
  it("keeps each account's mails apart and writes personal mails such as a reset to the log only", async () => {
    const { lines, log } = capture();
    const mailer = createMailer({ smtpUrl: null, from: 'x@y.test', devOutbox: true }, log);
    const orgA = '00000000-0000-4000-8000-00000000000a';
    const orgB = '00000000-0000-4000-8000-00000000000b';
    await mailer.send({ to: 'a@x.test', subject: 'For A', text: 'a', orgId: orgA });
    await mailer.send({ to: 'b@x.test', subject: 'For B', text: 'b', orgId: orgB });
    await mailer.send(resetPasswordMail('en', 'a@x.test', 'Ada', 'http://d.test/reset-password?token=secret'));
    expect(mailer.hasOutbox).toBe(true);
    expect(mailer.outbox(orgA)?.map((m) => m.subject)).toEqual(['For A']);
    expect(mailer.outbox(orgB)?.map((m) => m.subject)).toEqual(['For B']);
    expect(lines.filter((l) => l.includes('reset-password?token=secret'))).toHaveLength(1);
  });

  it('has no outbox where development mail is off', () => {
    const mailer = createMailer({ smtpUrl: null, from: 'x@y.test', devOutbox: false }, capture().log);
    expect(mailer.hasOutbox).toBe(false);
    expect(mailer.outbox('00000000-0000-4000-8000-00000000000a')).toBeNull();
  });
});
