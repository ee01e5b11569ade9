export const accountExport = {
  'accountExport.title': 'Export account',
  'accountExport.description':
    'Download everything in this account as one ZIP file: to keep, to move elsewhere, or to check the activity log offline.',
  'accountExport.start': 'Start export',
  'accountExport.contains': 'The ZIP file contains:',
  'accountExport.containsRecords':
    'Contracts, partners, events, reminders, billing lines, custom fields, units, categories, users and the activity log, each as JSON and CSV',
  'accountExport.containsDocuments': 'Every document with all its versions, decrypted, under its original name',
  'accountExport.containsManifest':
    'manifest.json with a SHA-256 checksum of every file and the activity log’s chain head, and verify-activity-log.mjs to check both with Node',
  'accountExport.notice':
    'The file holds decrypted documents: keep it safe. It can be downloaded for 7 days, then it is deleted. Every download is recorded in the activity log.',
  'accountExport.emptyTitle': 'No exports yet',
  'accountExport.emptyText': 'Start an export; it is made in the background and shows up here.',
  'accountExport.listLabel': 'Exports',
  'accountExport.colRequestedBy': 'Started by',
  'accountExport.colStatus': 'Status',
  'accountExport.colSize': 'Size',
  'accountExport.colExpires': 'Available until',
  'accountExport.status.queued': 'Waiting',
  'accountExport.status.running': 'Being made',
  'accountExport.status.done': 'Ready',
  'accountExport.status.failed': 'Failed',
  'accountExport.status.expired': 'Deleted',
  'accountExport.percent': '{percent} %',
  'accountExport.progress': 'Export progress',
  'accountExport.download': 'Download',
};
