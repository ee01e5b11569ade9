import type { home as en } from '../en/home.js';

export const home: Record<keyof typeof en, string> = {
  'home.greetingMorning': 'Guten Morgen, {name}',
  'home.greetingAfternoon': 'Guten Tag, {name}',
  'home.greetingEvening': 'Guten Abend, {name}',
  'home.subtitle': 'Sie arbeiten in {org}.',

  'home.verifyTitle': 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
  'home.verifyText':
    'Wir haben einen Link an {email} gesendet. Die Bestätigung stellt sicher, dass Fristerinnerungen und Passwort-Links Sie erreichen.',
  'home.verifyResend': 'Link erneut senden',
  'home.verifyResent': 'Link gesendet',
  'home.verifySent': 'Ein neuer Bestätigungslink ist unterwegs an {email}.',

  'home.startTitle': 'Arbeitsbereich einrichten',
  'home.startIntro': 'Ein paar Schritte, damit Deedbox für Ihr ganzes Team funktioniert.',
  'home.startTitleMember': 'Erste Schritte',
  'home.startIntroMember':
    'Deedbox behält die Verträge Ihrer Geschäftsbereiche und deren Fristen im Blick. Passen Sie es an Ihre Arbeitsweise an.',
  'home.stepInvite': 'Kolleginnen und Kollegen einladen',
  'home.stepInviteText':
    'Fügen Sie die Vertragsverantwortlichen hinzu und geben Sie ihnen eine Rolle je Geschäftsbereich.',
  'home.stepUnits': 'Geschäftsbereiche anlegen',
  'home.stepUnitsText': 'Bilden Sie Sparten, Gesellschaften oder Teams ab – sie bestimmen, wer welchen Vertrag sieht.',
  'home.stepApi': 'Andere Systeme anbinden',
  'home.stepApiText': 'Erstellen Sie API-Schlüssel für ERP, CRM oder Skripte, beschränkt auf eine Rolle und Bereiche.',
  'home.stepActivity': 'Aktivitätsprotokoll prüfen',
  'home.stepActivityText': 'Sehen Sie, wer was wann getan hat – in einem fälschungssicheren, exportierbaren Protokoll.',
  'home.stepPersonal': 'Deedbox anpassen',
  'home.stepPersonalText': 'Wählen Sie Sprache, Datumsformat und Zeitzone, und verwalten Sie Ihr Passwort.',

  'home.accessTitle': 'Ihr Zugriff',
  'home.accessAdmin':
    'Als Administrator sehen und ändern Sie alles in allen Geschäftsbereichen, einschließlich der Einstellungen.',
  'home.accessIntro': 'Ihre Rolle in den Geschäftsbereichen Ihrer Organisation:',
  'home.accessNone':
    'Sie haben noch in keinem Geschäftsbereich eine Rolle. Ein Administrator kann Ihnen Zugriff geben.',
  'home.rolesExplained':
    'Bearbeiter erstellen und ändern Verträge in ihrem Bereich, Leser können sie lesen. Administratoren verwalten alles.',
};
