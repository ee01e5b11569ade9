export const provisioning = {
  'scim.title': 'Provisioning (SCIM)',
  'scim.description':
    'Let your identity provider (Microsoft Entra ID, Okta) create, update and deactivate members automatically. Deactivated people are locked and signed out at once.',
  'scim.connectionTitle': 'Connection',
  'scim.baseUrl': 'SCIM base URL (tenant URL)',
  'scim.copyUrl': 'Copy URL',
  'scim.token': 'Provisioning token',
  'scim.noToken': 'No token yet. Create one and enter it as the secret token in your identity provider.',
  'scim.tokenCreated': 'Created {date} by {name}',
  'scim.tokenLastUsed': 'last used {date}',
  'scim.tokenNeverUsed': 'not used yet',
  'scim.create': 'Create token',
  'scim.createdTitle': 'Your provisioning token',
  'scim.onceTitle': 'Copy the token now',
  'scim.onceText':
    'Deedbox stores only a fingerprint of this token. You will not be able to see it again — if it gets lost, replace it.',
  'scim.copyToken': 'Copy token',
  'scim.done': 'I have stored the token',
  'scim.rotate': 'Replace token',
  'scim.rotateTitle': 'Replace the provisioning token?',
  'scim.rotateText':
    'The current token stops working at once. Provisioning pauses until you enter the new token in your identity provider.',
  'scim.revoke': 'Revoke token',
  'scim.revokeTitle': 'Revoke the provisioning token?',
  'scim.revokeText':
    'Your identity provider can no longer change members. Members already provisioned stay as they are.',
  'scim.revokedDone': 'Provisioning token revoked.',
  'scim.groupsTitle': 'Groups',
  'scim.groupsText':
    'Groups your identity provider pushes appear here. Map a group to a role in a business unit: its members get that role, and lose it when they leave the group or the mapping is removed. Roles you set by hand on the Users page stay untouched. Administrator rights are only given by hand.',
  'scim.groupsEmptyTitle': 'No groups yet',
  'scim.groupsEmptyText': 'Groups appear here once your identity provider pushes them.',
  'scim.memberCount': 'Members: {count}',
  'scim.notMapped': 'Nothing (not mapped)',
  'scim.grant': '{role} in {unit}',
  'scim.grantFor': 'Role for members of {name}',
  'scim.mappedDone': 'Mapping of “{name}” saved.',
};
