export const inbox = {
  'nav.inbox': 'Inbox',
  'nav.inboxSettings': 'Contract inbox',
  'inbox.title': 'Inbox',
  'inbox.description':
    'Documents waiting to be filed: turn each into a new contract or attach it to one you already have.',
  'inbox.dropTitle': 'Drop contracts here to put them in the inbox',
  'inbox.dropHint': 'Several at once: PDF, Office and OpenDocument files, images, e-mails, text, CSV and ZIP.',
  'inbox.list': 'Documents in the inbox',
  'inbox.emptyTitle': 'Your inbox is empty',
  'inbox.emptyText':
    'Upload signed contracts here, or forward them by e-mail to the address below. Deedbox reads dates, amounts and the partner from each document and suggests them when you turn it into a contract.',
  'inbox.emptyNoMail':
    'Upload signed contracts here. Deedbox reads dates, amounts and the partner from each document and suggests them when you turn it into a contract.',
  'inbox.uploadedBy': 'Uploaded by {name}',
  'inbox.uploaded': 'Uploaded',
  'inbox.mailedBy': 'E-mailed by {sender}',
  'inbox.mailed': 'E-mailed',
  'inbox.noSubject': '(no subject)',
  'inbox.review': 'Review',
  'inbox.reviewNamed': 'Review {name}',
  'inbox.backToInbox': 'Inbox',

  'inbox.address.title': 'Inbox e-mail address',
  'inbox.address.intro':
    'Mail documents to this address and each attachment arrives in the inbox. Keep it private: anyone who knows it can send documents to your account.',
  'inbox.address.mailTo': 'Mail documents to',
  'inbox.address.copy': 'Copy address',
  'inbox.address.none': 'This installation receives no mail',
  'inbox.address.noneText':
    'Documents can only be uploaded here. Your administrator can set up e-mail-in for the installation (INBOUND_MAIL_DOMAIN).',
  'inbox.address.since': 'In use since {date}.',
  'inbox.address.regenerate': 'Replace address',
  'inbox.address.regenerateTitle': 'Replace the inbox address?',
  'inbox.address.regenerateText':
    'A new address is made at once. The old address stops working: mail sent to it is refused from now on. Tell everyone who forwards documents to the inbox.',
  'inbox.address.regenerated': 'The inbox has a new e-mail address; the old one no longer works.',
  'inbox.settingsTitle': 'Contract inbox',
  'inbox.settingsDescription': 'Where documents arrive before they are filed on a contract.',
  'inbox.settingsAttachmentHint':
    'Whether every contract needs a file or link before it leaves draft is set under Repository.',

  'inbox.openRepository': 'Open repository settings',

  'inbox.actions': 'File this document',
  'inbox.create': 'Create contract',
  'inbox.attach': 'Attach to contract',
  'inbox.createIntro': 'A new contract with this document attached.',
  'inbox.attachIntro': 'The document becomes one of the chosen contract’s documents.',
  'inbox.suggestedIntro':
    'Values marked “Suggested” were read from the document. Check each against the document, then keep or change it.',
  'inbox.textPending': 'The document’s text is not read yet',
  'inbox.textPendingText':
    'Suggestions appear once its text has been read, usually within a minute. You can fill in the form yourself meanwhile.',
  'inbox.textNone': 'No text to read in this document',
  'inbox.textNoneText': 'Nothing could be suggested from it; please fill in the form yourself.',
  'inbox.textOcr': 'This scan needs text recognition, which is not installed here',
  'inbox.textFailed': 'Reading the document’s text failed',
  'inbox.checkAgain': 'Check again',
  'inbox.nothingFound': 'Nothing to suggest was found in the text; please fill in the form yourself.',
  'inbox.amountFound': 'Amount found: {amount}',
  'inbox.amountHint': 'Add it as a billing line on the contract’s Billing tab once it is created.',
  'inbox.createSubmit': 'Create contract',
  'inbox.created': 'Contract “{title}” created with {name} attached.',
  'inbox.contract': 'Contract',
  'inbox.contractPlaceholder': 'Search by title or number',
  'inbox.attachSubmit': 'Attach',
  'inbox.attached': '{name} attached to the contract.',
  'inbox.filedTitle': 'This document is no longer in the inbox',
  'inbox.filedText': 'It has already been filed on a contract or deleted.',
  'inbox.openContract': 'Open the contract',

  'form.suggested': 'Suggested',
  'form.suggestedFrom': 'from “{words}”',
  'form.keepSuggestion': 'Keep',
  'form.keepSuggestionOf': 'Keep the suggested {field}',
  'form.confirmSuggestion': 'Keep or change this suggested value.',
};
