import type { apiKeys as en } from '../en/api-keys.js';

export const apiKeys: Record<keyof typeof en, string> = {
  'apiKeys.title': 'API-Schlüssel',
  'apiKeys.description':
    'Mit Schlüsseln nutzen andere Systeme die REST-API von Deedbox. Jeder Schlüssel handelt mit einer Rolle, optional beschränkt auf einzelne Geschäftsbereiche.',
  'apiKeys.create': 'API-Schlüssel erstellen',
  'apiKeys.createTitle': 'API-Schlüssel erstellen',
  'apiKeys.createdTitle': 'Ihr neuer API-Schlüssel',
  'apiKeys.nameHint': 'Wofür der Schlüssel verwendet wird, zum Beispiel „ERP-Import“.',
  'apiKeys.scopeLabel': 'Geschäftsbereiche',
  'apiKeys.scopeHint': 'Leer lassen, um alle Bereiche zu erlauben – auch später angelegte.',
  'apiKeys.allUnits': 'Alle Geschäftsbereiche',
  'apiKeys.unknownUnit': 'Gelöschter Bereich',
  'apiKeys.colPrefix': 'Schlüssel',
  'apiKeys.colScope': 'Geltungsbereich',
  'apiKeys.colLastUsed': 'Zuletzt verwendet',
  'apiKeys.colStatus': 'Status',
  'apiKeys.by': 'von {name}',
  'apiKeys.neverUsed': 'Nie',
  'apiKeys.active': 'Aktiv',
  'apiKeys.revoked': 'Widerrufen',
  'apiKeys.onceTitle': 'Kopieren Sie den Schlüssel jetzt',
  'apiKeys.onceText':
    'Zu Ihrer Sicherheit speichert Deedbox nur einen Fingerabdruck des Schlüssels. Sie können ihn später nicht mehr ansehen – geht er verloren, widerrufen Sie ihn und erstellen einen neuen.',
  'apiKeys.tokenLabel': 'API-Schlüssel',
  'apiKeys.copy': 'Schlüssel kopieren',
  'apiKeys.done': 'Ich habe den Schlüssel gespeichert',
  'apiKeys.revoke': 'Schlüssel widerrufen',
  'apiKeys.revokeNamed': '{name} widerrufen',
  'apiKeys.revokeTitle': '„{name}“ widerrufen?',
  'apiKeys.revokeText':
    'Systeme, die diesen Schlüssel verwenden, verlieren sofort den Zugriff. Das kann nicht rückgängig gemacht werden.',
  'apiKeys.revokedDone': 'API-Schlüssel „{name}“ widerrufen.',
  'apiKeys.emptyTitle': 'Noch keine API-Schlüssel',
  'apiKeys.emptyText': 'Erstellen Sie einen Schlüssel, um ERP, CRM oder Skripte mit Deedbox zu verbinden.',
};
