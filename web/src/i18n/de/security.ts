import type { security as en } from '../en/security.js';

export const security: Record<keyof typeof en, string> = {
  'secondFactor.title': 'Bestätigen Sie, dass Sie es sind',
  'secondFactor.description': 'Ihr Konto ist mit einem zweiten Faktor geschützt.',
  'secondFactor.codeLabel': 'Code aus Ihrer Authenticator-App',
  'secondFactor.codeHint': 'Die 6 Ziffern, die Ihre App gerade für Deedbox anzeigt.',
  'secondFactor.backupLabel': 'Backup-Code',
  'secondFactor.backupHint': 'Einer der zehn Codes, die Sie gespeichert haben. Jeder gilt einmal.',
  'secondFactor.submit': 'Anmelden',
  'secondFactor.useBackup': 'Stattdessen einen Backup-Code verwenden',
  'secondFactor.useApp': 'Stattdessen die Authenticator-App verwenden',
  'secondFactor.cancel': 'Zurück zur Anmeldung',
  'secondFactor.passkeyText': 'Bestätigen Sie die Anmeldung mit einem Ihrer Passkeys.',
  'secondFactor.usePasskey': 'Passkey verwenden',
  'secondFactor.useCode': 'Stattdessen einen Code eingeben',
  'secondFactor.smsLabel': 'Code aus der SMS',
  'secondFactor.smsHint': 'Die 6 Ziffern, die wir an Ihr Telefon gesendet haben. Der Code gilt 5 Minuten.',
  'secondFactor.useSms': 'Stattdessen einen Code per SMS erhalten',
  'secondFactor.smsSend': 'Code per SMS senden',
  'secondFactor.smsResend': 'Neuen Code senden',
  'secondFactor.smsResendIn': 'Neuen Code senden in {seconds} s',
  'secondFactor.smsSent': 'Wir haben einen Code an {phone} gesendet.',

  'passkey.cancelled':
    'Es wurde kein Passkey verwendet: Die Abfrage wurde geschlossen oder ist abgelaufen. Versuchen Sie es einfach noch einmal, wenn Sie so weit sind.',
  'passkey.alreadyOnDevice':
    'Dieses Gerät hat bereits einen Passkey für Ihr Konto. Verwenden Sie ein anderes Gerät oder einen anderen Sicherheitsschlüssel.',
  'passkey.unsupported': 'Dieser Browser kann für Deedbox keine Passkeys verwenden.',
  'passkey.browserFailed':
    'Ihr Browser konnte den Passkey nicht verwenden. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.',

  'enrolment.title': 'Zweiten Faktor einrichten',
  'enrolment.text':
    'Ihre Organisation verlangt für die Anmeldung einen zweiten Faktor. Richten Sie eine Authenticator-App, einen Passkey oder (wo angeboten) eine Telefonnummer ein, um fortzufahren, oder melden Sie sich ab.',

  'security.title': 'Sicherheit',
  'security.description':
    'Anmeldung mit zwei Faktoren: ein Code von Ihrem Telefon oder ein Passkey zusätzlich zum Passwort.',
  'security.appsTitle': 'Authenticator-Apps',
  'security.appsText':
    'Eine App wie Google Authenticator, Microsoft Authenticator oder 1Password zeigt alle 30 Sekunden einen neuen 6-stelligen Code.',
  'security.noFactors': 'Noch keine Authenticator-App: Ihr Passwort allein meldet Sie an.',
  'security.noApps': 'Noch keine Authenticator-App.',
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
  'security.backupText':
    'Wenn Sie Ihr Telefon oder Ihre Passkeys verlieren, meldet Sie ein Backup-Code anstelle des App-Codes oder eines Passkeys an.',
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
  'security.passkeysTitle': 'Passkeys',
  'security.passkeysText':
    'Ein Passkey auf Ihrem Telefon, Computer oder Sicherheitsschlüssel bestätigt mit Fingerabdruck, Gesicht oder PIN, dass Sie es sind. Er meldet Sie auch ganz ohne Passwort an.',
  'security.noPasskeys': 'Noch kein Passkey.',
  'security.smsTitle': 'SMS',
  'security.smsText':
    'Ein Code per SMS an Ihr Telefon. Weniger sicher als eine App oder ein Passkey: Behalten Sie auch eines davon.',
  'security.noSms': 'Noch keine Telefonnummer.',
  'security.addSms': 'Telefonnummer hinzufügen',
  'security.smsAddTitle': 'Telefonnummer hinzufügen',
  'security.smsAddText':
    'Wir senden einen Code per SMS an diese Nummer. Geben Sie ihn hier ein, um die Nummer zu bestätigen.',
  'security.smsPhone': 'Mobilnummer',
  'security.smsPhoneHint': 'Im internationalen Format mit Ländervorwahl, zum Beispiel +49 170 1234567.',
  'security.smsSend': 'Code senden',
  'security.smsSent': 'Wir haben einen Code an {phone} gesendet. Geben Sie ihn ein, um die Nummer zu bestätigen.',
  'security.smsCode': 'Code aus der SMS',
  'security.smsDefaultName': 'SMS',
  'security.smsAdded': 'Die Nummer {phone} ist eingerichtet.',
  'security.smsDone': 'Ihre Telefonnummer ist eingerichtet. Ab jetzt kann die Anmeldung einen Code per SMS verlangen.',
  'security.addPasskey': 'Passkey hinzufügen',
  'security.addPasskeyTitle': 'Passkey hinzufügen',
  'security.addPasskeyText':
    'Geben Sie ihm einen Namen und folgen Sie dann Ihrem Browser: Er bittet Ihr Gerät, den Passkey zu erstellen.',
  'security.passkeyName': 'Name',
  'security.passkeyNameHint': 'Damit Sie Ihre Passkeys auseinanderhalten, zum Beispiel „Arbeitslaptop“.',
  'security.passkeyDefaultName': 'Passkey',
  'security.createPasskey': 'Passkey erstellen',
  'security.passkeyAdded': 'Der Passkey „{name}“ ist eingerichtet.',
  'security.passkeyDone':
    'Ihr Passkey ist eingerichtet. Ab jetzt bestätigt er Ihre Anmeldung oder meldet Sie allein an.',
  'security.added': 'Hinzugefügt {when}',
  'security.rename': 'Umbenennen',
  'security.renameNamed': '{name} umbenennen',
  'security.renameTitle': '„{name}“ umbenennen',
  'security.renamed': 'Umbenannt in „{name}“.',
  'security.save': 'Speichern',
  'security.removePasskeyText':
    'Geben Sie Ihr Passwort ein, um diesen Passkey zu entfernen. Deedbox nimmt ihn sofort nicht mehr an; löschen Sie ihn auch auf Ihrem Gerät. Mit Ihrem letzten zweiten Faktor werden auch Ihre Backup-Codes entfernt.',
  'security.requireTitle': 'Zweiter Faktor für alle',
  'security.requireText':
    'Mitglieder ohne zweiten Faktor müssen direkt nach ihrem Passwort einen einrichten, bevor sie etwas anderes tun können (ab ihrer nächsten Anmeldung).',
  'security.requireLabel': 'In dieser Organisation einen zweiten Faktor verlangen',
  'security.requireOn': 'Ein zweiter Faktor ist jetzt Pflicht.',
  'security.requireOff': 'Ein zweiter Faktor ist nicht mehr Pflicht.',
};
