import type { personal as en } from '../en/personal.js';

export const personal: Record<keyof typeof en, string> = {
  'personal.title': 'Persönliche Einstellungen',
  'personal.description': 'Wie Deedbox Sie anspricht und Datum und Uhrzeit anzeigt. Nur Sie sehen diese Einstellungen.',
  'personal.profileTitle': 'Profil und Region',
  'personal.profileText': 'Datum und Uhrzeit richten sich überall in Deedbox nach diesen Einstellungen.',
  'personal.emailFixed': 'Ihre E-Mail-Adresse kann ein Administrator ändern.',
  'personal.timeZoneHint': 'Tippen Sie zum Suchen, zum Beispiel „Berlin“ oder „New York“.',
  'personal.saved': 'Einstellungen gespeichert.',
  'personal.passwordTitle': 'Passwort',
  'personal.passwordText': 'Wählen Sie ein langes Passwort, das Sie nirgendwo sonst verwenden.',
  'personal.changePassword': 'Passwort ändern',
  'personal.passwordChanged': 'Ihr Passwort wurde geändert.',
  'personal.wrongCurrent': 'Das ist nicht Ihr aktuelles Passwort.',

  'outbox.title': 'Entwicklungs-Postausgang',
  'outbox.devOnly': 'Nur in der Entwicklung',
  'outbox.description':
    'Jede E-Mail, die der Server für dieses Konto versendet hätte (Einladungen, Erinnerungen), die neueste zuerst. Persönliche E-Mails wie Passwort-Links stehen nur im Server-Log.',
  'outbox.refresh': 'Aktualisieren',
  'outbox.to': 'An: {to}',
  'outbox.emptyTitle': 'Noch keine E-Mails',
  'outbox.emptyText': 'Laden Sie einen Benutzer ein – die E-Mail erscheint dann hier.',
  'outbox.disabledTitle': 'Der Postausgang ist ausgeschaltet',
  'outbox.disabledText': 'Er existiert nur, wenn der Server im Entwicklungsmodus läuft.',
};
