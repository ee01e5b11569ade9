import type { recycleBin as en } from '../en/recycle-bin.js';

export const recycleBin: Record<keyof typeof en, string> = {
  'nav.recycleBin': 'Papierkorb',
  'recycleBin.title': 'Papierkorb',
  'recycleBin.description':
    'Gelöschte Verträge bleiben 30 Tage hier und lassen sich wiederherstellen; danach werden sie endgültig entfernt.',
  'recycleBin.deletedAt': 'Gelöscht',
  'recycleBin.purgeOn': 'Endgültig entfernt am',
  'recycleBin.restore': 'Wiederherstellen',
  'recycleBin.restoreNamed': '{title} wiederherstellen',
  'recycleBin.restored': 'Vertrag „{title}“ wiederhergestellt.',
  'recycleBin.emptyTitle': 'Der Papierkorb ist leer',
  'recycleBin.emptyText': 'Hier erscheinen Verträge, die in den letzten 30 Tagen gelöscht wurden.',
};
