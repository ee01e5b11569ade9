import { asData, escapeHtml, lineHtml, unmarked } from '../../../common/reminders/template.js';
import type { Mail } from './mailer.js';

type Locale = 'en' | 'de';

/** Names and account names are typed by people: `asData` keeps them from becoming links in the HTML part. */
function compose(to: string, subject: string, lines: string[], link: { href: string; label: string }): Mail {
  const text = unmarked([...lines, '', `${link.label}: ${link.href}`, '', '— Deedbox'].join('\n'));
  const html = [
    ...lines.map((l) => `<p>${lineHtml(l, escapeHtml)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    '<p>— Deedbox</p>',
  ].join('\n');
  return { to, subject: unmarked(subject), text, html };
}

export function verifyEmailMail(locale: Locale, to: string, name: string, href: string): Mail {
  return locale === 'de'
    ? compose(
        to,
        'Bitte bestätigen Sie Ihre E-Mail-Adresse',
        [
          `Hallo ${asData(name)},`,
          'bitte bestätigen Sie Ihre E-Mail-Adresse für Deedbox. Der Link ist 48 Stunden gültig.',
        ],
        { href, label: 'E-Mail-Adresse bestätigen' },
      )
    : compose(
        to,
        'Please confirm your e-mail address',
        [`Hello ${asData(name)},`, 'please confirm your e-mail address for Deedbox. The link is valid for 48 hours.'],
        { href, label: 'Confirm e-mail address' },
      );
}

export function resetPasswordMail(locale: Locale, to: string, name: string, href: string): Mail {
  return locale === 'de'
    ? compose(
        to,
        'Passwort zurücksetzen',
        [
          `Hallo ${asData(name)},`,
          'jemand hat verlangt, Ihr Deedbox-Passwort zurückzusetzen. Der Link ist eine Stunde gültig.',
          'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
        ],
        { href, label: 'Neues Passwort festlegen' },
      )
    : compose(
        to,
        'Reset your password',
        [
          `Hello ${asData(name)},`,
          'someone asked to reset your Deedbox password. The link is valid for one hour.',
          'If that was not you, ignore this e-mail; your password stays as it is.',
        ],
        { href, label: 'Choose a new password' },
      );
}

export function invitationMail(locale: Locale, to: string, orgName: string, inviter: string, href: string): Mail {
  return locale === 'de'
    ? compose(
        to,
        `Einladung zu ${orgName} auf Deedbox`,
        [
          `${asData(inviter)} lädt Sie ein, ${asData(orgName)} auf Deedbox beizutreten.`,
          'Die Einladung ist 7 Tage gültig.',
        ],
        { href, label: 'Einladung annehmen' },
      )
    : compose(
        to,
        `You are invited to ${orgName} on Deedbox`,
        [
          `${asData(inviter)} invites you to join ${asData(orgName)} on Deedbox.`,
          'The invitation is valid for 7 days.',
        ],
        { href, label: 'Accept the invitation' },
      );
}
