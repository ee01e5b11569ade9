import type { search as en } from '../en/search.js';

export const search: Record<keyof typeof en, string> = {
  'search.label': 'Verträge und Dokumente durchsuchen',
  'search.placeholder': 'Suchen…',
  'search.open': 'Suche',
  'search.close': 'Suche schließen',
  'search.searching': 'Suche läuft…',
  'search.nothingFound': 'Nichts gefunden',
  'search.seeAll': 'Alle Ergebnisse für „{q}“',
  'search.contracts': 'Verträge',
  'search.documents': 'Dokumente',
  'search.page': 'Seite {page}',
  'search.pageOf': 'Seite {page} von {name}',
  'search.inInbox': 'Im Eingang',
  'search.onContract': 'Vertrag: {title}',
  'search.preview': 'Vorschau',
  'search.previewNamed': 'Vorschau von {name}',
  'search.title': 'Suche',
  'search.titleFor': 'Suche: {q}',
  'search.intro': 'Verträge nach Titel, Nummer, Beschreibung und Partner; Dokumente nach ihrem Text.',
  'search.submit': 'Suchen',
  'search.startTitle': 'Verträge und Dokumente durchsuchen',
  'search.startText':
    'Geben Sie ein Wort, einen Namen oder eine Nummer ein. Mit / suchen Sie auf jeder Seite über die Kopfzeile.',
  'search.nothingFoundFor': 'Nichts gefunden für „{q}“',
  'search.nothingFoundText':
    'Prüfen Sie die Schreibweise oder versuchen Sie weniger Wörter. Dokumente werden gefunden, sobald ihr Text gelesen ist; gescannte Dateien brauchen OCR.',
};
