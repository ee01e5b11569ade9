import type { auth as en } from '../en/auth.js';

export const auth: Record<keyof typeof en, string> = {
  'signIn.title': 'Willkommen zurück',
  'signIn.description': 'Melden Sie sich bei Ihrem Deedbox-Konto an.',
  'signIn.submit': 'Anmelden',
  'signIn.forgot': 'Passwort vergessen?',
  'signIn.or': 'oder',
  'signIn.sso': 'Weiter mit Single Sign-on',
  'signIn.noAccount': 'Neu bei Deedbox?',
  'signIn.createAccount': 'Konto erstellen',
  'signIn.passkey': 'Mit einem Passkey anmelden',

  'signUp.title': 'Konto erstellen',
  'signUp.description': 'Richten Sie Deedbox für Ihr Unternehmen in weniger als einer Minute ein.',
  'signUp.companyHint': 'Ihre Organisation in Deedbox. Kolleginnen und Kollegen können Sie danach einladen.',
  'signUp.submit': 'Konto erstellen',
  'signUp.adminNote': 'Sie werden Administrator Ihrer Organisation.',
  'signUp.haveAccount': 'Sie haben bereits ein Konto?',
  'signUp.signIn': 'Anmelden',
  'signUp.sentTitle': 'Sehen Sie in Ihr Postfach',
  'signUp.sentText':
    'Wir haben einen Link an {email} geschickt. Öffnen Sie ihn innerhalb von 48 Stunden, um Ihre Adresse zu bestätigen; dann wird Ihr Konto angelegt. Sind Sie mit dieser Adresse schon registriert? Dann erklärt die E-Mail, wie Sie sich anmelden.',

  'confirmSignUp.title': 'Ihr Konto wird angelegt',
  'confirmSignUp.working': 'Einen Moment bitte …',
  'confirmSignUp.failedTitle': 'Ihr Konto wurde nicht angelegt',
  'confirmSignUp.invalidTitle': 'Dieser Registrierungslink funktioniert nicht mehr',
  'confirmSignUp.invalidText':
    'Der Link wurde vielleicht schon verwendet oder ist abgelaufen. Wenn Ihr Konto besteht, melden Sie sich an; sonst registrieren Sie sich erneut.',

  'forgot.title': 'Passwort zurücksetzen',
  'forgot.description':
    'Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.',
  'forgot.submit': 'Link senden',
  'forgot.sentTitle': 'Sehen Sie in Ihr Postfach',
  'forgot.sentText':
    'Falls ein Konto für {email} existiert, ist ein Link zum Zurücksetzen unterwegs. Der Link ist nur begrenzte Zeit gültig.',
  'forgot.back': 'Zurück zur Anmeldung',

  'reset.title': 'Neues Passwort wählen',
  'reset.description': 'Das neue Passwort ersetzt das alte überall.',
  'reset.submit': 'Neues Passwort speichern',
  'reset.doneTitle': 'Passwort geändert',
  'reset.doneText': 'Ihr Passwort wurde geändert. Sie können sich jetzt mit dem neuen Passwort anmelden.',
  'reset.invalidTitle': 'Dieser Link funktioniert nicht mehr',
  'reset.invalidText':
    'Links zum Zurücksetzen gelten nur einmal und laufen nach einiger Zeit ab. Fordern Sie einen neuen an und verwenden Sie die neueste E-Mail.',

  'verify.title': 'E-Mail-Adresse wird bestätigt',
  'verify.working': 'Einen Moment bitte …',
  'verify.doneTitle': 'E-Mail-Adresse bestätigt',
  'verify.doneText': 'Vielen Dank. Erinnerungen und Benachrichtigungen erreichen Sie unter dieser Adresse.',
  'verify.continue': 'Weiter zu Deedbox',
  'verify.failedTitle': 'Die Bestätigung wurde nicht abgeschlossen',
  'verify.invalidTitle': 'Dieser Bestätigungslink funktioniert nicht mehr',
  'verify.invalidText':
    'Der Link wurde vielleicht schon verwendet oder ist abgelaufen. Melden Sie sich an und fordern Sie auf der Startseite einen neuen an.',

  'invite.loading': 'Einladung wird geladen …',
  'invite.title': '{org} beitreten',
  'invite.description':
    '{inviter} hat Sie eingeladen, mit {org} in Deedbox zu arbeiten. Wählen Sie Ihren Namen und ein Passwort, um loszulegen.',
  'invite.submit': 'Einladung annehmen',
  'invite.invalidTitle': 'Diese Einladung ist nicht mehr gültig',
  'invite.invalidText':
    'Sie ist vielleicht abgelaufen oder wurde bereits angenommen. Bitten Sie die einladende Person um eine neue Einladung.',
};
