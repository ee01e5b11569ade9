import { asData, escapeHtml, lineHtml, unmarked } from '../../../common/reminders/template.js';
import type { Mail } from './mailer.js';

type Locale = 'en' | 'de';

/** Names and account names are typed by people: `asData` keeps them from becoming links in the HTML part. */
export function compose(to: string, subject: string, lines: string[], link?: { href: string; label: string }): Mail {
  const text = unmarked([...lines, ...(link ? ['', `${link.label}: ${link.href}`] : []), '', '— Deedbox'].join('\n'));
  const html = [
    ...lines.map((l) => `<p>${lineHtml(l, escapeHtml)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
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

/** Sent once when sign-ins to the account start being throttled; names the address they came from. */
export function failedSignInsMail(locale: Locale, to: string, name: string, count: number, ip: string, href: string) {
  return locale === 'de'
    ? compose(
        to,
        'Fehlgeschlagene Anmeldungen bei Ihrem Konto',
        [
          `Hallo ${name},`,
          `${count} Anmeldungen bei Ihrem Deedbox-Konto sind nacheinander gescheitert, von der Adresse ${ip}. Weitere Versuche von dort werden jetzt verlangsamt; Ihre eigene Anmeldung von anderswo bleibt möglich.`,
          'Wenn Sie das nicht waren, wählen Sie am besten ein neues Passwort.',
        ],
        { href, label: 'Neues Passwort festlegen' },
      )
    : compose(
        to,
        'Failed sign-ins to your account',
        [
          `Hello ${name},`,
          `${count} sign-ins to your Deedbox account failed in a row, from the address ${ip}. Further tries from there are now slowed down; you can still sign in from elsewhere.`,
          'If that was not you, consider choosing a new password.',
        ],
        { href, label: 'Choose a new password' },
      );
}

export function confirmSignUpMail(locale: Locale, to: string, name: string, href: string): Mail {
  return locale === 'de'
    ? compose(
        to,
        'Registrierung bei Deedbox abschließen',
        [
          `Hallo ${name},`,
          'bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Deedbox-Konto anzulegen. Der Link ist 48 Stunden gültig.',
          'Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail; es wird nichts angelegt.',
        ],
        { href, label: 'Adresse bestätigen und Konto anlegen' },
      )
    : compose(
        to,
        'Finish signing up for Deedbox',
        [
          `Hello ${name},`,
          'please confirm your e-mail address to create your Deedbox account. The link is valid for 48 hours.',
          'If you did not sign up, ignore this e-mail; nothing will be created.',
        ],
        { href, label: 'Confirm address and create account' },
      );
}

/** Sign-up with a registered address: the owner hears of it, the person signing up learns nothing. */
export function signUpAttemptMail(locale: Locale, to: string, name: string, appUrl: string): Mail {
  return locale === 'de'
    ? compose(
        to,
        'Registrierungsversuch mit Ihrer Adresse',
        [
          `Hallo ${name},`,
          'jemand wollte mit Ihrer E-Mail-Adresse ein neues Deedbox-Konto anlegen. Sie haben bereits einen Zugang: melden Sie sich an.',
          `Wenn Sie Ihr Passwort nicht mehr wissen, setzen Sie es zurück: ${appUrl}/forgot-password`,
          'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; es wurde nichts geändert.',
        ],
        { href: `${appUrl}/sign-in`, label: 'Anmelden' },
      )
    : compose(
        to,
        'Someone tried to sign up with your address',
        [
          `Hello ${name},`,
          'someone tried to create a new Deedbox account with your e-mail address. You already have one: sign in.',
          `If you no longer know your password, reset it: ${appUrl}/forgot-password`,
          'If that was not you, ignore this e-mail; nothing was changed.',
        ],
        { href: `${appUrl}/sign-in`, label: 'Sign in' },
      );
}

/** A sign-in from a device or network not seen for the person before; the link ends that session. */
export function newDeviceMail(
  locale: Locale,
  to: string,
  name: string,
  seen: { device: string; ip: string; at: string },
  href: string,
): Mail {
  return locale === 'de'
    ? compose(
        to,
        'Neue Anmeldung bei Deedbox – waren Sie das?',
        [
          `Hallo ${name},`,
          `Ihr Deedbox-Konto wurde soeben von einem Gerät oder Netz aus angemeldet, das wir bei Ihnen noch nicht gesehen haben: ${seen.device}, Adresse ${seen.ip}, ${seen.at}.`,
          'Wenn Sie das waren, ist nichts zu tun.',
          'Wenn nicht, beenden Sie diese Sitzung mit dem Link unten und wählen Sie danach ein neues Passwort.',
        ],
        { href, label: 'Diese Sitzung beenden' },
      )
    : compose(
        to,
        'New sign-in to Deedbox – was this you?',
        [
          `Hello ${name},`,
          `your Deedbox account was just signed in from a device or network we have not seen for you before: ${seen.device}, address ${seen.ip}, ${seen.at}.`,
          'If this was you, there is nothing to do.',
          'If not, end that session with the link below, then choose a new password.',
        ],
        { href, label: 'End this session' },
      );
}
