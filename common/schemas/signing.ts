// Built-in e-signing (issue #14): the states of envelopes, recipients and fields.
export const ENVELOPE_STATUSES = ['draft', 'in_progress', 'completed', 'declined', 'cancelled', 'expired'] as const;
export type EnvelopeStatus = (typeof ENVELOPE_STATUSES)[number];

export const RECIPIENT_ROLES = ['signer', 'approver', 'cc'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_STATUSES = ['pending', 'sent', 'viewed', 'signed', 'approved', 'declined'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const FIELD_TYPES = ['signature', 'initials', 'date_signed', 'name', 'text', 'checkbox'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const SEAL_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type SealState = (typeof SEAL_STATES)[number];

export const SIGNATURE_KINDS = ['drawn', 'typed'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const VERIFICATION_METHODS = ['link', 'link_and_code'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The evidence an envelope keeps; each is also written to the activity log. */
export const SIGNING_EVENT_KINDS = [
  'created',
  'sent',
  'mailed',
  'viewed',
  'code_sent',
  'code_verified',
  'code_failed',
  'signed',
  'approved',
  'declined',
  'reminded',
  'resent',
  'email_changed',
  'cancelled',
  'expired',
  'sealed',
  'seal_failed',
  'downloaded',
] as const;
export type SigningEventKind = (typeof SIGNING_EVENT_KINDS)[number];
