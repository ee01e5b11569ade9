export const recycleBin = {
  'nav.recycleBin': 'Recycle bin',
  'recycleBin.title': 'Recycle bin',
  'recycleBin.description':
    'Deleted contracts stay here for 30 days and can be restored; then they are purged for good.',
  'recycleBin.deletedAt': 'Deleted',
  'recycleBin.purgeOn': 'Purged on',
  'recycleBin.restore': 'Restore',
  'recycleBin.restoreNamed': 'Restore {title}',
  'recycleBin.restored': 'Contract "{title}" restored.',
  'recycleBin.emptyTitle': 'The recycle bin is empty',
  'recycleBin.emptyText': 'Contracts deleted in the last 30 days appear here.',
};
