import type { inbox as en } from '../en/inbox.js';

export const inbox: Record<keyof typeof en, string> = {
  'nav.inbox': 'Eingang',
  'nav.inboxSettings': 'Vertragseingang',
  'inbox.title': 'Eingang',
  'inbox.description':
    'Dokumente, die auf die Ablage warten: Machen Sie aus jedem einen neuen Vertrag oder hängen Sie es an einen vorhandenen an.',
  'inbox.dropTitle': 'Verträge hier ablegen, um sie in den Eingang zu laden',
  'inbox.dropHint': 'Mehrere auf einmal: PDF, Office- und OpenDocument-Dateien, Bilder, E-Mails, Text, CSV und ZIP.',
  'inbox.list': 'Dokumente im Eingang',
  'inbox.emptyTitle': 'Ihr Eingang ist leer',
  'inbox.emptyText':
    'Laden Sie unterschriebene Verträge hier hoch oder leiten Sie sie per E-Mail an die Adresse unten weiter. Deedbox liest Daten, Beträge und den Partner aus jedem Dokument und schlägt sie vor, wenn Sie daraus einen Vertrag machen.',
  'inbox.emptyNoMail':
    'Laden Sie unterschriebene Verträge hier hoch. Deedbox liest Daten, Beträge und den Partner aus jedem Dokument und schlägt sie vor, wenn Sie daraus einen Vertrag machen.',
  'inbox.uploadedBy': 'Hochgeladen von {name}',
  'inbox.uploaded': 'Hochgeladen',
  'inbox.mailedBy': 'Per E-Mail von {sender}',
  'inbox.mailed': 'Per E-Mail',
  'inbox.noSubject': '(kein Betreff)',
  'inbox.review': 'Prüfen',
  'inbox.reviewNamed': '{name} prüfen',
  'inbox.backToInbox': 'Eingang',

  'inbox.address.title': 'E-Mail-Adresse des Eingangs',
  'inbox.address.intro':
    'Senden Sie Dokumente an diese Adresse; jeder Anhang landet im Eingang. Halten Sie sie vertraulich: Wer sie kennt, kann Ihrem Konto Dokumente schicken.',
  'inbox.address.mailTo': 'Dokumente senden an',
  'inbox.address.copy': 'Adresse kopieren',
  'inbox.address.none': 'Diese Installation empfängt keine E-Mails',
  'inbox.address.noneText':
    'Dokumente können nur hier hochgeladen werden. Ihre Administration kann den E-Mail-Empfang für die Installation einrichten (INBOUND_MAIL_DOMAIN).',
  'inbox.address.since': 'In Gebrauch seit {date}.',
  'inbox.address.regenerate': 'Adresse ersetzen',
  'inbox.address.regenerateTitle': 'Adresse des Eingangs ersetzen?',
  'inbox.address.regenerateText':
    'Sofort wird eine neue Adresse erstellt. Die alte Adresse funktioniert dann nicht mehr: E-Mails an sie werden ab jetzt abgewiesen. Informieren Sie alle, die Dokumente an den Eingang weiterleiten.',
  'inbox.address.regenerated': 'Der Eingang hat eine neue E-Mail-Adresse; die alte funktioniert nicht mehr.',
  'inbox.settingsTitle': 'Vertragseingang',
  'inbox.settingsDescription': 'Wo Dokumente ankommen, bevor sie an einem Vertrag abgelegt werden.',
  'inbox.settingsAttachmentHint':
    'Ob jeder Vertrag eine Datei oder einen Link braucht, bevor er den Entwurfsstatus verlässt, stellen Sie unter „Vertragsablage“ ein.',

  'inbox.openRepository': 'Einstellungen der Vertragsablage öffnen',

  'inbox.actions': 'Dieses Dokument ablegen',
  'inbox.create': 'Vertrag anlegen',
  'inbox.attach': 'An Vertrag anhängen',
  'inbox.createIntro': 'Ein neuer Vertrag, an dem dieses Dokument hängt.',
  'inbox.attachIntro': 'Das Dokument wird eines der Dokumente des gewählten Vertrags.',
  'inbox.suggestedIntro':
    'Mit „Vorschlag“ markierte Werte wurden aus dem Dokument gelesen. Prüfen Sie jeden am Dokument und übernehmen oder ändern Sie ihn.',
  'inbox.textPending': 'Der Text des Dokuments ist noch nicht gelesen',
  'inbox.textPendingText':
    'Vorschläge erscheinen, sobald der Text gelesen ist, meist innerhalb einer Minute. Sie können das Formular so lange selbst ausfüllen.',
  'inbox.textNone': 'Dieses Dokument enthält keinen lesbaren Text',
  'inbox.textNoneText': 'Es ließ sich nichts vorschlagen; bitte füllen Sie das Formular selbst aus.',
  'inbox.textOcr': 'Dieser Scan braucht Texterkennung, die hier nicht installiert ist',
  'inbox.textFailed': 'Der Text des Dokuments konnte nicht gelesen werden',
  'inbox.checkAgain': 'Erneut prüfen',
  'inbox.nothingFound':
    'Im Text wurde nichts gefunden, das sich vorschlagen ließe; bitte füllen Sie das Formular selbst aus.',
  'inbox.amountFound': 'Gefundener Betrag: {amount}',
  'inbox.amountHint': 'Erfassen Sie ihn nach dem Anlegen als Abrechnungsposten im Reiter „Abrechnung“ des Vertrags.',
  'inbox.createSubmit': 'Vertrag anlegen',
  'inbox.created': 'Vertrag „{title}“ angelegt, {name} hängt daran.',
  'inbox.contract': 'Vertrag',
  'inbox.contractPlaceholder': 'Nach Titel oder Nummer suchen',
  'inbox.attachSubmit': 'Anhängen',
  'inbox.attached': '{name} an den Vertrag angehängt.',
  'inbox.filedTitle': 'Dieses Dokument ist nicht mehr im Eingang',
  'inbox.filedText': 'Es wurde bereits an einem Vertrag abgelegt oder gelöscht.',
  'inbox.openContract': 'Vertrag öffnen',

  'form.suggested': 'Vorschlag',
  'form.suggestedFrom': 'aus „{words}“',
  'form.keepSuggestion': 'Übernehmen',
  'form.keepSuggestionOf': '{field} aus dem Vorschlag übernehmen',
  'form.confirmSuggestion': 'Übernehmen oder ändern Sie diesen vorgeschlagenen Wert.',
};
