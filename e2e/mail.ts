import { expect } from '@playwright/test';
import { SINK_URL } from '../playwright.config.js';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The newest mail to `to` whose subject matches, as received by the SMTP sink on loopback. */
export async function mailTo(to: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${SINK_URL}/messages`)).json()) as Mail[];
      found = mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).at(-1);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** How many mails to `to` with a matching subject the SMTP sink has received so far. */
export async function mailCount(to: string, subject: RegExp): Promise<number> {
  const mails = (await (await fetch(`${SINK_URL}/messages`)).json()) as Mail[];
  return mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).length;
}

/** The first link in that mail (or the first one containing `part`). */
export async function linkFromMail(to: string, subject: RegExp, part = ''): Promise<string> {
  const found = await mailTo(to, subject);
  const link = found.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  if (!link) throw new Error(`no link in "${found.subject}"`);
  return link;
}
