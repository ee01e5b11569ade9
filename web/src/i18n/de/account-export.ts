import type { accountExport as en } from '../en/account-export.js';

export const accountExport: Record<keyof typeof en, string> = {
  'accountExport.title': 'Konto exportieren',
  'accountExport.description':
    'Laden Sie alles aus diesem Konto als eine ZIP-Datei herunter: zum Aufbewahren, zum Umziehen oder um das Aktivitätsprotokoll offline zu prüfen.',
  'accountExport.start': 'Export starten',
  'accountExport.contains': 'Die ZIP-Datei enthält:',
  'accountExport.containsRecords':
    'Verträge, Partner, Ereignisse, Erinnerungen, Abrechnungspositionen, benutzerdefinierte Felder, Einheiten, Kategorien, Benutzer und das Aktivitätsprotokoll, jeweils als JSON und CSV',
  'accountExport.containsDocuments':
    'Jedes Dokument mit allen Versionen, entschlüsselt, unter seinem ursprünglichen Namen',
  'accountExport.containsManifest':
    'manifest.json mit einer SHA-256-Prüfsumme jeder Datei und dem Kettenende des Aktivitätsprotokolls sowie verify-activity-log.mjs, um beides mit Node zu prüfen',
  'accountExport.notice':
    'Die Datei enthält entschlüsselte Dokumente: Bewahren Sie sie sicher auf. Sie kann 7 Tage lang heruntergeladen werden und wird dann gelöscht. Jeder Download wird im Aktivitätsprotokoll festgehalten.',
  'accountExport.emptyTitle': 'Noch keine Exporte',
  'accountExport.emptyText': 'Starten Sie einen Export; er wird im Hintergrund erstellt und erscheint hier.',
  'accountExport.listLabel': 'Exporte',
  'accountExport.colRequestedBy': 'Gestartet von',
  'accountExport.colStatus': 'Status',
  'accountExport.colSize': 'Größe',
  'accountExport.colExpires': 'Verfügbar bis',
  'accountExport.status.queued': 'Wartet',
  'accountExport.status.running': 'Wird erstellt',
  'accountExport.status.done': 'Bereit',
  'accountExport.status.failed': 'Fehlgeschlagen',
  'accountExport.status.expired': 'Gelöscht',
  'accountExport.percent': '{percent} %',
  'accountExport.progress': 'Fortschritt des Exports',
  'accountExport.download': 'Herunterladen',
};
