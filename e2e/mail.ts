import { expect } from '@playwright/test';
import { SINK_URL } from '../playwright.config.js';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The link in the newest mail to `to`, as received by the SMTP sink on loopback. */
export async function linkFromMail(to: string, subject: RegExp): Promise<string> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${SINK_URL}/messages`)).json()) as Mail[];
      found = mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).at(-1);
      return found !== undefined;
    })
    .toBe(true);
  const link = found!.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in "${found!.subject}"`);
  return link;
}
