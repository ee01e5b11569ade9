import type { provisioning as en } from '../en/provisioning.js';

export const provisioning: Record<keyof typeof en, string> = {
  'scim.title': 'Bereitstellung (SCIM)',
  'scim.description':
    'Lassen Sie Ihren Identitätsanbieter (Microsoft Entra ID, Okta) Mitglieder automatisch anlegen, ändern und deaktivieren. Deaktivierte Personen werden sofort gesperrt und abgemeldet.',
  'scim.connectionTitle': 'Verbindung',
  'scim.baseUrl': 'SCIM-Basis-URL (Mandanten-URL)',
  'scim.copyUrl': 'URL kopieren',
  'scim.token': 'Bereitstellungs-Token',
  'scim.noToken':
    'Noch kein Token. Erstellen Sie eines und tragen Sie es als geheimes Token im Identitätsanbieter ein.',
  'scim.tokenCreated': 'Erstellt am {date} von {name}',
  'scim.tokenLastUsed': 'zuletzt verwendet am {date}',
  'scim.tokenNeverUsed': 'noch nicht verwendet',
  'scim.create': 'Token erstellen',
  'scim.createdTitle': 'Ihr Bereitstellungs-Token',
  'scim.onceTitle': 'Kopieren Sie das Token jetzt',
  'scim.onceText':
    'Deedbox speichert nur einen Fingerabdruck dieses Tokens. Sie können es später nicht mehr ansehen – geht es verloren, ersetzen Sie es.',
  'scim.copyToken': 'Token kopieren',
  'scim.done': 'Ich habe das Token gespeichert',
  'scim.rotate': 'Token ersetzen',
  'scim.rotateTitle': 'Bereitstellungs-Token ersetzen?',
  'scim.rotateText':
    'Das bisherige Token funktioniert sofort nicht mehr. Die Bereitstellung ruht, bis Sie das neue Token im Identitätsanbieter eintragen.',
  'scim.revoke': 'Token widerrufen',
  'scim.revokeTitle': 'Bereitstellungs-Token widerrufen?',
  'scim.revokeText':
    'Ihr Identitätsanbieter kann keine Mitglieder mehr ändern. Bereits bereitgestellte Mitglieder bleiben, wie sie sind.',
  'scim.revokedDone': 'Bereitstellungs-Token widerrufen.',
  'scim.groupsTitle': 'Gruppen',
  'scim.groupsText':
    'Gruppen, die Ihr Identitätsanbieter überträgt, erscheinen hier. Ordnen Sie eine Gruppe einer Rolle in einem Geschäftsbereich zu: Ihre Mitglieder erhalten diese Rolle und verlieren sie, wenn sie die Gruppe verlassen oder die Zuordnung entfernt wird. Von Hand vergebene Rollen (Seite Benutzer) bleiben unberührt. Administratorrechte werden nur von Hand vergeben.',
  'scim.groupsEmptyTitle': 'Noch keine Gruppen',
  'scim.groupsEmptyText': 'Gruppen erscheinen hier, sobald Ihr Identitätsanbieter sie überträgt.',
  'scim.memberCount': 'Mitglieder: {count}',
  'scim.notMapped': 'Nichts (nicht zugeordnet)',
  'scim.grant': '{role} in {unit}',
  'scim.grantFor': 'Rolle für Mitglieder von {name}',
  'scim.mappedDone': 'Zuordnung von „{name}“ gespeichert.',
};
