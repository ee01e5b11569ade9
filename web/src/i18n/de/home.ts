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
  'home.deadlinesTitle': 'Anstehende Fristen',
  'home.deadlinesWindow': 'Fristen anzeigen innerhalb von',
  'home.days': '{count} Tage',
  'home.later': 'Später',
  'home.deadlinesNoneLater': 'Kein letzter Kündigungstag und kein Vertragsende nach den nächsten {count} Tagen.',
  'home.deadlinesSummaryLater': '{notices} und {ends} nach den nächsten {count} Tagen.',
  'home.deadlinesShowAll': 'Alle {total} anzeigen',
  'home.deadlinesShowFewer': 'Weniger anzeigen',
  'home.deadlinesNone': 'Kein letzter Kündigungstag und kein Vertragsende in den nächsten {count} Tagen.',
  'home.deadlinesSummary': '{notices} und {ends} in den nächsten {count} Tagen.',
  'home.noticeCount.one': '1 letzter Kündigungstag',
  'home.noticeCount.other': '{count} letzte Kündigungstage',
  'home.endCount.one': '1 Vertragsende',
  'home.endCount.other': '{count} Vertragsenden',
  'home.deadlinesMore': 'Die nächsten {shown} von {total}.',
  'home.deadlinesOpenList': 'Diese letzten Kündigungstage in der Vertragsliste öffnen',
  'home.deadlineType.notice_deadline': 'Letzter Kündigungstag',
  'home.deadlineType.end': 'Vertragsende',

  'home.remindersTitle': 'Meine Erinnerungen',
  'home.remindersNone': 'Keine offenen Erinnerungen für Sie in den nächsten 90 Tagen.',
  'home.reminderAcknowledged': 'In Arbeit',
  'home.acknowledge': 'Übernehme ich',
  'home.acknowledgeFor': 'Erinnerung zu {title} ({event}) bestätigen',
  'home.acknowledgedNotice': 'Notiert: keine weitere Eskalation für {title} zu diesem Datum.',
  'home.overdue.one': '1 Erinnerung wartet seit mehr als 3 Tagen darauf, dass sich jemand kümmert.',
  'home.overdue.other': '{count} Erinnerungen warten seit mehr als 3 Tagen darauf, dass sich jemand kümmert.',
  'home.eventType.start': 'Beginn',
  'home.eventType.end': 'Vertragsende',
  'home.eventType.notice_deadline': 'Letzter Kündigungstag',
  'home.eventType.renewal': 'Verlängerung',
  'home.eventType.custom': 'Termin',

  'home.byStatusTitle': 'Verträge nach Status',
  'home.byCategoryTitle': 'Verträge nach Kategorie',
  'home.uncategorized': 'Ohne Kategorie',
  'home.otherCategories': 'Weitere Kategorien',
  'home.noContracts': 'Noch keine Verträge.',

  'home.recentTitle': 'Zuletzt geändert',
  'home.changedAt': 'geändert {when}',

  'home.failedTitle': 'Nicht zugestellte E-Mails',
  'home.failedIntroAdmin.one':
    '1 E-Mail konnte nicht zugestellt werden. Prüfen Sie die Adresse und die Einstellungen des Mailservers.',
  'home.failedIntroAdmin.other':
    '{count} E-Mails konnten nicht zugestellt werden. Prüfen Sie die Adressen und die Einstellungen des Mailservers.',
  'home.failedIntroMember':
    'Erinnerungs-E-Mails an Sie konnten nicht zugestellt werden. Bitte prüfen Sie Ihre E-Mail-Adresse.',
  'home.failedMore': 'und {count} weitere',
  'home.deliveryStatus.failed': 'Fehlgeschlagen',
  'home.deliveryStatus.bounced': 'Zurückgekommen',
  'home.deliveryKind.reminder': 'Erinnerung',
  'home.deliveryKind.escalation': 'Eskalation',
  'home.deliveryKind.digest': 'Tägliche Zusammenfassung',
  'home.deliveryKind.summary': 'Wochenübersicht',
  'home.deliveryKind.approval_request': 'Freigabeanfrage',
  'home.deliveryKind.approval_overdue': 'Freigabe überfällig',
  'home.deliveryKind.approval_outcome': 'Freigabeergebnis',
  'home.deliveryKind.signing_request': 'Signaturanfrage',
  'home.deliveryKind.signing_reminder': 'Signaturerinnerung',
  'home.deliveryKind.signing_code': 'Signaturcode',
  'home.deliveryKind.signing_completed': 'Signiertes Dokument',
  'home.deliveryKind.signing_outcome': 'Signaturergebnis',
  'home.deliveryKind.webhook_disabled': 'Webhook-Endpunkt deaktiviert',

  'home.emptyTitle': 'Legen Sie Ihren ersten Vertrag an',
  'home.emptyText':
    'Erfassen Sie einen Vertrag oder importieren Sie eine Tabelle. Deedbox zählt dann bis zu jedem letzten Kündigungstag herunter und erinnert rechtzeitig die richtigen Personen.',
  'home.emptyTitleMember': 'Noch keine Verträge für Sie',
  'home.emptyTextMember':
    'Sobald Verträge für Sie freigegeben sind, erscheinen hier ihre Fristen, Ihre Erinnerungen und die letzten Änderungen.',
  'home.emptyAdd': 'Vertrag anlegen',
  'home.emptyImport': 'Tabelle importieren',
};
