import type { subscription as en } from '../en/subscription.js';

export const subscription: Record<keyof typeof en, string> = {
  'nav.subscription': 'Abonnement',
  'subscription.title': 'Abonnement',
  'subscription.description': 'Ihr Tarif, seine Plätze und seine Termine. Hier kündigen oder reaktivieren Sie.',
  'subscription.plan': 'Tarif',
  'subscription.status': 'Status',
  'subscription.seats': 'Plätze',
  'subscription.seatsUsed': '{used} von {limit} belegt',
  'subscription.seatsUnlimited': '{used} belegt, unbegrenzt',
  'subscription.seatsHint': 'Mitglieder und offene Einladungen belegen je einen Platz.',
  'subscription.trialEnds': 'Testzeitraum endet',
  'subscription.periodEnds': 'Bezahlt bis',
  'subscription.cancelledOn': 'Gekündigt am',
  'subscription.accessUntil': 'Schreibgeschützt ab',
  'subscription.legalHoldTitle': 'Löschsperre (Legal Hold)',
  'subscription.legalHoldText':
    'Seit {since} bewahrt Ihr Betreiber die Daten dieses Kontos aus rechtlichen Gründen auf („{reason}“): Solange die Sperre gilt, wird nichts davon gelöscht, unabhängig von den Daten oben.',
  'subscription.deleteTitle': 'Dieses Konto löschen',
  'subscription.deleteText':
    'Löscht alle Verträge, Dokumente, Benutzer und das Aktivitätsprotokoll dieses Kontos endgültig, nach einer Frist von einigen Tagen, in der jeder Administrator noch abbrechen kann. Exportieren Sie das Konto vorher, wenn Sie etwas behalten möchten.',
  'subscription.deleteButton': 'Konto löschen…',
  'subscription.deleteConfirmTitle': 'Dieses Konto endgültig löschen?',
  'subscription.deleteConfirmText':
    'Jeder Administrator erhält eine E-Mail. Bis zum genannten Datum kann jeder Administrator abbrechen; danach wird alles gelöscht und kann nicht wiederhergestellt werden. Sie erhalten eine signierte Löschbestätigung.',
  'subscription.deleteNameLabel': 'Geben Sie den Namen des Kontos ein ({name})',
  'subscription.deleteConfirm': 'Konto löschen',
  'subscription.deletionRequested': 'Die Löschung ist beantragt. Alle Administratoren wurden benachrichtigt.',
  'subscription.deletionPending':
    '{by} hat die Löschung dieses Kontos beantragt. Es wird am {date} gelöscht, wenn kein Administrator vorher abbricht.',
  'subscription.cancelDeletionRequest': 'Löschung abbrechen',
  'subscription.deletionCancelled': 'Die Löschung ist abgebrochen. Das Konto bleibt bestehen.',
  'subscription.deletionDate': 'Daten gelöscht am',
  'subscription.planName.starter': 'Starter',
  'subscription.planName.team': 'Team',
  'subscription.planName.business': 'Business',
  'subscription.planName.enterprise': 'Enterprise',
  'subscription.statusName.trialing': 'Testzeitraum',
  'subscription.statusName.active': 'Aktiv',
  'subscription.statusName.past_due': 'Zahlung offen',
  'subscription.statusName.cancelled': 'Gekündigt',
  'subscription.cancel': 'Abonnement kündigen',
  'subscription.cancelTitle': 'Abonnement kündigen?',
  'subscription.cancelNow':
    'Noch ist nichts bezahlt, daher wird das Konto sofort schreibgeschützt: Alle können sich weiter anmelden, lesen und exportieren, aber nichts mehr ändern, und Erinnerungen werden nicht mehr versandt.',
  'subscription.cancelAtEnd':
    'Das Konto bleibt bis {date}, dem Ende des bezahlten Zeitraums, wie es ist. Danach ist es schreibgeschützt: Alle können sich weiter anmelden, lesen und exportieren, aber nichts mehr ändern, und Erinnerungen werden nicht mehr versandt.',
  'subscription.cancelDeletion':
    'Die Daten werden danach {months} Monate aufbewahrt, bis {date}, und dann gelöscht. Bis dahin kann ein Administrator das Abonnement reaktivieren, und alles ist wieder da.',
  'subscription.cancelConfirm': 'Abonnement kündigen',
  'subscription.cancelled': 'Das Abonnement ist gekündigt.',
  'subscription.reactivate': 'Abonnement reaktivieren',
  'subscription.reactivated': 'Das Abonnement ist wieder aktiv.',
  'subscription.cancelledText':
    'Dieses Abonnement wurde gekündigt. Das Konto ist ab {since} schreibgeschützt; seine Daten werden am {date} gelöscht, wenn es nicht vorher reaktiviert wird.',
  'subscription.billing': 'Abrechnung',
  'subscription.checkout': '{plan} abonnieren',
  'subscription.portal': 'Abrechnung verwalten',
  'subscription.noBilling': 'Tarife verwaltet Ihr Deedbox-Anbieter: Bitten Sie ihn, Ihren zu ändern.',
  'readOnly.title': 'Dieses Konto ist schreibgeschützt',
  'readOnly.text':
    'Sein Abonnement wurde gekündigt: Seit {since} kann nichts mehr geändert werden, und Erinnerungen werden nicht mehr versandt. Sie können weiterhin alles lesen und exportieren. Die Daten werden bis {until} aufbewahrt.',
  'readOnly.adminHint': 'Abonnement reaktivieren',
};
