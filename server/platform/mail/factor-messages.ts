import { asData } from '../../../common/reminders/template.js';
import type { Mail } from './mailer.js';
import { compose } from './messages.js';

type Locale = 'en' | 'de';
export type FactorChange = 'added' | 'removed' | 'reset';

const TEXT = {
  en: {
    subject: {
      added: 'A second factor was added',
      removed: 'A second factor was removed',
      reset: 'Your second factors were reset',
    },
    body: {
      added: (f: string) => `the second factor "${f}" was just added to your Deedbox sign-in.`,
      removed: (f: string) => `the second factor "${f}" was just removed from your Deedbox sign-in.`,
      reset: (by: string) =>
        `${by}, an administrator, has removed every second factor and backup code of your Deedbox sign-in.`,
    },
    warn: 'If that was not you, choose a new password now and tell your administrator.',
    hello: 'Hello',
    label: 'Open security settings',
  },
  de: {
    subject: {
      added: 'Ein zweiter Faktor wurde hinzugefügt',
      removed: 'Ein zweiter Faktor wurde entfernt',
      reset: 'Ihre zweiten Faktoren wurden zurückgesetzt',
    },
    body: {
      added: (f: string) => `zu Ihrer Deedbox-Anmeldung wurde soeben der zweite Faktor „${f}“ hinzugefügt.`,
      removed: (f: string) => `von Ihrer Deedbox-Anmeldung wurde soeben der zweite Faktor „${f}“ entfernt.`,
      reset: (by: string) =>
        `${by}, ein Administrator, hat alle zweiten Faktoren und Backup-Codes Ihrer Deedbox-Anmeldung entfernt.`,
    },
    warn: 'Wenn Sie das nicht waren, wählen Sie jetzt ein neues Passwort und informieren Sie Ihren Administrator.',
    hello: 'Hallo',
    label: 'Sicherheitseinstellungen öffnen',
  },
} as const;

/** Tells the person that their sign-in changed: a factor added or removed, or all reset by an administrator. */
export function factorChangedMail(
  locale: Locale,
  to: string,
  name: string,
  change: FactorChange,
  what: string,
  href: string,
): Mail {
  const t = TEXT[locale];
  return compose(to, t.subject[change], [`${t.hello} ${asData(name)},`, t.body[change](asData(what)), t.warn], {
    href,
    label: t.label,
  });
}
