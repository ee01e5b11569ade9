export const meKey = ['me'] as const;
export const metaKey = ['meta'] as const;
export const usersKey = ['users'] as const;
export const businessUnitsKey = ['business-units'] as const;
export const apiKeysKey = ['api-keys'] as const;
export const auditKey = ['audit'] as const;
export const outboxKey = ['dev-outbox'] as const;
export const invitationKey = (token: string) => ['invitation', token] as const;
