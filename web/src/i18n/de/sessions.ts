import type { sessions as en } from '../en/sessions.js';

export const sessions: Record<keyof typeof en, string> = {
  'nav.sessions': 'Sitzungen',
  'sessions.title': 'Sitzungen',
  'sessions.description':
    'Wo Sie bei diesem Konto angemeldet sind. Melden Sie jede Sitzung ab, die Sie nicht kennen, und ändern Sie danach Ihr Passwort.',
  'sessions.device': 'Gerät',
  'sessions.address': 'IP-Adresse',
  'sessions.started': 'Angemeldet',
  'sessions.lastSeen': 'Zuletzt aktiv',
  'sessions.thisSession': 'Diese Sitzung',
  'sessions.unknownBrowser': 'Unbekannter Browser',
  'sessions.browserOn': '{browser} unter {os}',
  'sessions.kind.desktop': 'Computer',
  'sessions.kind.mobile': 'Telefon',
  'sessions.kind.tablet': 'Tablet',
  'sessions.kind.unknown': 'Unbekanntes Gerät',
  'sessions.signOut': 'Abmelden',
  'sessions.signOutFor': 'Sitzung von {device} abmelden',
  'sessions.signOutTitle': 'Diese Sitzung abmelden?',
  'sessions.signOutText': '{device} unter {address} wird sofort abgemeldet und muss sich neu anmelden.',
  'sessions.signedOut': 'Die Sitzung wurde abgemeldet.',
  'sessions.signOutOthers': 'Alle anderen Sitzungen abmelden',
  'sessions.signOutOthersTitle': 'Alle anderen Sitzungen abmelden?',
  'sessions.signOutOthersText': 'Jede Ihrer Sitzungen in diesem Konto außer dieser endet sofort.',
  'sessions.othersSignedOut': '{count} Sitzungen abgemeldet.',
  'sessions.signOutEverywhere': 'Überall abmelden',
  'sessions.signOutEverywhereTitle': 'Überall abmelden?',
  'sessions.signOutEverywhereText':
    'Jede Ihrer Sitzungen endet sofort, in jedem Konto, dem Sie angehören, auch diese. Sie müssen sich danach neu anmelden.',
  'sessions.logTitle': 'Letzte sicherheitsrelevante Aktivität',
  'sessions.logText':
    'Anmeldungen, neue Geräte und beendete Sitzungen in diesem Konto, durch Sie oder einen Administrator.',
  'sessions.logBy': 'durch {name}',
  'sessions.onlyThis': 'Dies ist Ihre einzige Sitzung in diesem Konto.',

  'users.endSessions': 'Alle Sitzungen beenden',
  'users.endSessionsTitle': 'Alle Sitzungen von {name} beenden?',
  'users.endSessionsText':
    '{name} wird überall sofort von diesem Konto abgemeldet und kann sich neu anmelden. Um die Person fernzuhalten, sperren Sie sie stattdessen.',
  'users.sessionsEnded': '{count} Sitzungen von {name} beendet.',

  'access.tab': 'Zugriff',
  'access.intro': 'Wer diesen Vertrag im Geschäftsbereich „{unit}“ öffnen kann, und warum.',
  'access.ownOnly': 'Nur Administratoren sehen den Zugriff aller. Ihrer:',
  'access.canEdit': 'Kann bearbeiten',
  'access.canRead': 'Kann lesen',
  'access.cannot': 'Kann ihn nicht öffnen',
  'access.who': 'Mitglied oder API-Schlüssel',
  'access.why': 'Warum',
  'access.apiKey': 'API-Schlüssel',
  'access.reason.administrator': 'Administrator',
  'access.reason.unit_role.editor': 'Bearbeiter im Geschäftsbereich „{unit}“',
  'access.reason.unit_role.viewer': 'Leser im Geschäftsbereich „{unit}“',
  'access.reason.no_role': 'Keine Rolle im Geschäftsbereich „{unit}“',
  'access.reason.locked': 'Von einem Administrator gesperrt',
  'access.reason.invited': 'Einladung noch nicht angenommen',
  'access.scope.all_units': 'Schlüssel für alle Geschäftsbereiche',
  'access.scope.listed_units': 'Schlüssel für ausgewählte Geschäftsbereiche',
  'access.none': 'Niemand',

  'endSession.title': 'Sitzung beenden',
  'endSession.working': 'Die Sitzung wird beendet …',
  'endSession.doneTitle': 'Die Sitzung wurde beendet',
  'endSession.doneText':
    'Diese Anmeldung kann nichts mehr tun. Wenn Sie das nicht waren, wählen Sie jetzt ein neues Passwort: Wer sich angemeldet hat, kannte es.',
  'endSession.alreadyText':
    'Diese Sitzung war bereits beendet. Wenn die Anmeldung nicht von Ihnen war, wählen Sie jetzt ein neues Passwort.',
  'endSession.newPassword': 'Neues Passwort wählen',
  'endSession.invalidTitle': 'Dieser Link funktioniert nicht mehr',
  'endSession.invalidText':
    'Er wurde schon benutzt oder ist zu alt. Unter Einstellungen → Sitzungen können Sie jede Sitzung abmelden.',
};
