import { describe, expect, it } from 'vitest';
import { invitationMail } from './messages.js';

describe('account mails', () => {
  it('name the inviter and the account as text: the only link in the HTML part is the invitation', () => {
    const mail = invitationMail(
      'en',
      'new@example.org',
      'https://evil.example/org',
      '<a href="https://evil.example">Ada</a>',
      'http://deedbox.test/invite/t',
    );
    expect(mail.subject).toBe('You are invited to https://evil.example/org on Deedbox');
    expect(mail.text).toContain('<a href="https://evil.example">Ada</a> invites you to join https://evil.example/org');
    expect([...(mail.html ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'http://deedbox.test/invite/t',
    ]);
    expect(mail.html).not.toContain('evil.example');
    expect(mail.html).toContain('&lt;a href=&quot;https:&#8204;/&#8204;/&#8204;evil.&#8204;example&quot;&gt;Ada');
  });
});
