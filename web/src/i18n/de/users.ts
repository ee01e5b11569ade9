import type { users as en } from '../en/users.js';

export const users: Record<keyof typeof en, string> = {
  'users.title': 'Benutzer',
  'users.description':
    'Wer in Deedbox arbeitet und mit welcher Rolle in jedem Geschäftsbereich. Änderungen werden sofort gespeichert.',
  'users.invite': 'Benutzer einladen',
  'users.emptyTitle': 'Noch keine Benutzer',
  'users.emptyText': 'Laden Sie Ihre Kolleginnen und Kollegen ein, um gemeinsam an Verträgen zu arbeiten.',
  'users.colUser': 'Benutzer',
  'users.you': 'Sie',
  'users.adminHint':
    'Administratoren sehen und ändern alles in allen Geschäftsbereichen, einschließlich der Einstellungen.',
  'users.adminSwitch': 'Administrator: {name}',
  'users.roleIn': 'Rolle von {name} in {unit}',
  'users.rolesSaved': 'Zugriff für {name} aktualisiert.',
  'users.actionsFor': 'Aktionen für {name}',
  'users.resendInvitation': 'Einladung erneut senden',
  'users.invitationResent': 'Eine neue Einladung ist unterwegs an {email}.',
  'users.lock': 'Benutzer sperren',
  'users.unlock': 'Benutzer entsperren',
  'users.lockTitle': '{name} sperren?',
  'users.lockText':
    '{name} wird überall abgemeldet und kann sich erst nach dem Entsperren wieder anmelden. Verträge und Verlauf bleiben unverändert.',
  'users.locked': '{name} ist gesperrt.',
  'users.remove': 'Aus der Organisation entfernen',
  'users.removeTitle': '{name} entfernen?',
  'users.removeText':
    '{name} verliert sofort den Zugang zu dieser Organisation: Rollen, offene Einladung und Sitzungen werden entfernt. Die bisherigen Aktivitäten bleiben mit Namen im Protokoll; um auch die personenbezogenen Daten zu löschen, wählen Sie stattdessen „Person und personenbezogene Daten löschen“.',
  'users.removed': '{name} wurde aus der Organisation entfernt.',
  'users.erase': 'Person und personenbezogene Daten löschen',
  'users.eraseTitle': '{name} und die personenbezogenen Daten löschen?',
  'users.eraseText':
    '{name} wird aus dieser Organisation entfernt, und alles, was sie hier über die Person namentlich speichert, wird gelöscht: Name, E-Mail-Adresse, IP-Adressen und Browser im Aktivitätsprotokoll sowie die Adresse auf Erinnerungsmails. Danach erscheint die Person unter einem Pseudonym (zum Beispiel „Person 7K2QX9MD“). Verträge, Dokumente und das Aktivitätsprotokoll selbst bleiben erhalten, und das Protokoll bleibt prüfbar. Gehört die Person keiner anderen Organisation an, wird auch ihr Deedbox-Konto gelöscht. Das lässt sich nicht rückgängig machen.',
  'users.eraseEmailLabel': 'Zur Bestätigung {email} eingeben',
  'users.eraseConfirm': 'Endgültig löschen',
  'users.erased': '{name} wurde gelöscht und erscheint jetzt als {pseudonym}.',
  'users.resetFactors': 'Zweite Faktoren zurücksetzen',
  'users.resetFactorsTitle': 'Zweite Faktoren von {name} zurücksetzen?',
  'users.resetFactorsText':
    'Damit werden alle Authenticator-Apps und Backup-Codes von {name} entfernt, in jedem Konto, dem die Person angehört. Sie wird per E-Mail informiert und kann sich mit ihrem Passwort allein anmelden, bis sie einen neuen Faktor einrichtet.',
  'users.factorsReset': 'Die zweiten Faktoren von {name} wurden zurückgesetzt.',
  'users.unlocked': '{name} ist entsperrt und kann sich wieder anmelden.',
  'users.inviteTitle': 'Benutzer einladen',
  'users.inviteIntro':
    'Wir senden eine E-Mail mit einem Link, um Ihrer Organisation beizutreten. Der Link ist nur begrenzte Zeit gültig.',
  'users.nameOptional': 'Optional – die eingeladene Person kann ihn beim Annehmen eingeben.',
  'users.rolesPerUnit': 'Rolle je Geschäftsbereich',
  'users.roleInUnit': 'Rolle in {unit}',
  'users.rolesHint': 'Ohne Rolle in einem Bereich sieht die Person nur ihre persönlichen Einstellungen.',
  'users.sendInvitation': 'Einladung senden',
  'users.invited': 'Einladung an {email} gesendet.',

  'units.title': 'Geschäftsbereiche',
  'units.description':
    'Sparten, Gesellschaften oder Teams. Jeder Vertrag gehört zu einem Bereich, und die Rollen je Bereich bestimmen, wer ihn sieht.',
  'units.create': 'Neuer Geschäftsbereich',
  'units.createTitle': 'Neuer Geschäftsbereich',
  'units.renameTitle': 'Geschäftsbereich umbenennen',
  'units.nameHint': 'Zum Beispiel „Vertrieb Deutschland“ oder „ACME Holding GmbH“.',
  'units.created': 'Geschäftsbereich „{name}“ angelegt.',
  'units.renamed': 'Geschäftsbereich in „{name}“ umbenannt.',
  'units.default': 'Standard',
  'units.defaultHint': 'Der Standardbereich erhält Verträge ohne Bereich und kann nicht gelöscht werden.',
  'units.renameNamed': '{name} umbenennen',
  'units.deleteNamed': '{name} löschen',
  'units.deleteTitle': '„{name}“ löschen?',
  'units.deleteText':
    'Die Rollen in diesem Bereich werden bei allen Benutzern entfernt. Das kann nicht rückgängig gemacht werden.',
  'units.deleted': 'Geschäftsbereich „{name}“ gelöscht.',
  'units.emptyTitle': 'Noch keine Geschäftsbereiche',
  'units.emptyText': 'Legen Sie Ihren ersten Bereich an, um Verträge und Zugriffe zu ordnen.',
};
