import type { security as en } from '../en/security.js';

export const security: Record<keyof typeof en, string> = {
  'secondFactor.title': 'Code eingeben',
  'secondFactor.description': 'Ihr Konto ist mit einem zweiten Faktor geschützt.',
  'secondFactor.codeLabel': 'Code aus Ihrer Authenticator-App',
  'secondFactor.codeHint': 'Die 6 Ziffern, die Ihre App gerade für Deedbox anzeigt.',
  'secondFactor.backupLabel': 'Backup-Code',
  'secondFactor.backupHint': 'Einer der zehn Codes, die Sie gespeichert haben. Jeder gilt einmal.',
  'secondFactor.submit': 'Anmelden',
  'secondFactor.useBackup': 'Stattdessen einen Backup-Code verwenden',
  'secondFactor.useApp': 'Stattdessen die Authenticator-App verwenden',
  'secondFactor.cancel': 'Zurück zur Anmeldung',

  'enrolment.title': 'Zweiten Faktor einrichten',
  'enrolment.text':
    'Ihre Organisation verlangt für die Anmeldung einen zweiten Faktor. Richten Sie eine Authenticator-App ein, um fortzufahren, oder melden Sie sich ab.',

  'security.title': 'Sicherheit',
  'security.description': 'Anmeldung mit zwei Faktoren: ein Code von Ihrem Telefon zusätzlich zum Passwort.',
  'security.appsTitle': 'Authenticator-Apps',
  'security.appsText':
    'Eine App wie Google Authenticator, Microsoft Authenticator oder 1Password zeigt alle 30 Sekunden einen neuen 6-stelligen Code.',
  'security.noFactors': 'Noch keine Authenticator-App: Ihr Passwort allein meldet Sie an.',
  'security.kind.totp': 'Authenticator-App',
  'security.lastUsed': 'Zuletzt verwendet am {when}',
  'security.neverUsed': 'Noch nicht zur Anmeldung verwendet',
  'security.addApp': 'Authenticator-App hinzufügen',
  'security.remove': 'Entfernen',
  'security.removeNamed': '{name} entfernen',
  'security.removeTitle': '„{name}“ entfernen?',
  'security.removeText':
    'Geben Sie Ihr Passwort ein, um diese Authenticator-App zu entfernen. Mit der letzten werden auch Ihre Backup-Codes entfernt.',
  'security.removed': '„{name}“ wurde entfernt.',
  'security.wrongPassword': 'Das ist nicht Ihr Passwort.',
  'security.enrolTitle': 'Authenticator-App hinzufügen',
  'security.enrolScan': '1. Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.',
  'security.qrAlt': 'QR-Code zum Scannen mit Ihrer Authenticator-App',
  'security.enrolType': 'Oder geben Sie diesen Schlüssel in der App ein:',
  'security.copySecret': 'Schlüssel kopieren',
  'security.confirmCode': '2. Geben Sie den Code ein, den die App anzeigt',
  'security.confirm': 'Bestätigen',
  'security.enrolDone': 'Ihre Authenticator-App ist eingerichtet. Ab jetzt fragt die Anmeldung nach ihrem Code.',
  'security.backupTitle': 'Backup-Codes',
  'security.backupText': 'Wenn Sie Ihr Telefon verlieren, meldet Sie ein Backup-Code anstelle des App-Codes an.',
  'security.backupLeft': 'Noch {count} unbenutzte Backup-Codes.',
  'security.backupNew': 'Neue Backup-Codes',
  'security.backupNewText':
    'Geben Sie Ihr Passwort ein. Zehn neue Codes ersetzen die alten, die dann nicht mehr gelten.',
  'security.backupShownOnce': 'Speichern Sie diese Codes jetzt',
  'security.backupKeep':
    'Sie werden nur dieses eine Mal angezeigt. Bewahren Sie sie sicher auf, getrennt von Ihrem Telefon.',
  'security.backupEachOnce': 'Jeder Code gilt einmal.',
  'security.backupCopy': 'Codes kopieren',
  'security.backupDownload': 'Herunterladen',
  'security.backupSaved': 'Ich habe sie gespeichert',
  'security.requireTitle': 'Zweiter Faktor für alle',
  'security.requireText':
    'Mitglieder ohne zweiten Faktor müssen direkt nach ihrem Passwort einen einrichten, bevor sie etwas anderes tun können (ab ihrer nächsten Anmeldung).',
  'security.requireLabel': 'In dieser Organisation einen zweiten Faktor verlangen',
  'security.requireOn': 'Ein zweiter Faktor ist jetzt Pflicht.',
  'security.requireOff': 'Ein zweiter Faktor ist nicht mehr Pflicht.',
};
