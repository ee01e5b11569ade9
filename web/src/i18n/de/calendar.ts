import type { calendar as en } from '../en/calendar.js';

export const calendar: Record<keyof typeof en, string> = {
  'nav.calendar': 'Kalender',

  'calendar.title': 'Kalender',
  'calendar.description':
    'Beginn, Ende, letzte Kündigungstage, Verlängerungen und weitere Termine der Verträge, die Sie sehen dürfen.',
  'calendar.viewLabel': 'Ansicht',
  'calendar.view.month': 'Monat',
  'calendar.view.week': 'Woche',
  'calendar.view.list': 'Liste',
  'calendar.previous': 'Zurück',
  'calendar.next': 'Weiter',
  'calendar.today': 'Heute',
  'calendar.navigation': 'Kalendernavigation',

  'calendar.type.start': 'Beginn',
  'calendar.type.end': 'Ende',
  'calendar.type.notice_deadline': 'Letzter Kündigungstag',
  'calendar.type.renewal': 'Verlängerung',
  'calendar.type.custom': 'Weiterer Termin',

  'calendar.filters': 'Filter',
  'calendar.filterCategory': 'Kategorie',
  'calendar.filterOrgUnit': 'Organisationseinheit',
  'calendar.filterOwner': 'Verantwortlich',
  'calendar.filterTypes': 'Terminarten',
  'calendar.filterAny': 'Alle',
  'calendar.allTypes': 'Alle Arten',
  'calendar.contractCategories': 'Vertragskategorien',
  'calendar.eventCategories': 'Terminkategorien',
  'calendar.clearFilters': 'Filter zurücksetzen',

  'calendar.more': '+{count} weitere',
  'calendar.dayEvents': 'Termine am {date}',
  'calendar.eventLabel': '{type}: {title}',
  'calendar.noEventsDay': 'Keine Termine',
  'calendar.emptyTitle': 'In diesem Zeitraum ist nichts fällig',
  'calendar.emptyText':
    'Hier erscheinen Vertragsdaten und hinzugefügte Termine. Wechseln Sie den Zeitraum oder ändern Sie die Filter.',
  'calendar.truncated':
    'Nur die ersten {count} Termine werden angezeigt. Schränken Sie die Filter ein, um alle zu sehen.',
  'calendar.contractNumber': 'Nr. {number}',

  'calendar.subscribe': 'Abonnieren',
  'calendar.feedsTitle': 'In Ihrer Kalender-App abonnieren',
  'calendar.feedsIntro':
    'Eine private Adresse, die Outlook, Google Kalender oder Apple Kalender abonnieren können. Sie enthält die Termine, die Sie sehen dürfen, von einem Jahr zurück bis zwei Jahre voraus, und folgt Ihren Berechtigungen, wenn sie sich ändern.',
  'calendar.feedsSecret':
    'Wer die Adresse kennt, kann diese Termine ohne Anmeldung lesen. Geben Sie sie nicht weiter und widerrufen Sie sie, falls sie bekannt wird.',
  'calendar.feedsOutlook': 'Outlook: Kalender hinzufügen → Aus dem Internet abonnieren, dann die Adresse einfügen.',
  'calendar.feedsGoogle':
    'Google Kalender: Weitere Kalender → + → Per URL, dann die Adresse einfügen. Google aktualisiert sie alle paar Stunden.',
  'calendar.feedsHowTo': 'So abonnieren Sie',
  'calendar.feedsYours': 'Ihre Adressen',
  'calendar.feedsNone': 'Sie haben noch keine Kalenderadresse. Legen Sie unten eine an.',
  'calendar.feedName': 'Name einer neuen Adresse',
  'calendar.feedNamePlaceholder': 'z. B. Outlook im Büro',
  'calendar.feedCreate': 'Adresse anlegen',
  'calendar.feedCreated': 'Kalenderadresse angelegt. Kopieren Sie sie in Ihre Kalender-App.',
  'calendar.feedCopy': 'Adresse kopieren',
  'calendar.feedUrl': 'Adresse von {name}',
  'calendar.feedCreatedOn': 'Angelegt am {date}',
  'calendar.feedLastUsed': 'Zuletzt abgerufen {date}',
  'calendar.feedNeverUsed': 'Noch nicht abgerufen',
  'calendar.feedRevoke': 'Widerrufen',
  'calendar.feedRevokeLabel': '{name} widerrufen',
  'calendar.feedRevokeConfirm':
    'Diese Adresse widerrufen? Kalender, die sie abonniert haben, werden nicht mehr aktualisiert.',
  'calendar.feedRevoked': 'Kalenderadresse widerrufen.',
  'calendar.feedLimit':
    'Sie haben {count} Adressen, mehr sind nicht möglich. Widerrufen Sie eine, um eine neue anzulegen.',
};
