/** The closed set of error codes. One place (http/problem.ts) maps them to HTTP statuses. */
export const ERROR_CODES = {
  validation_failed: 422,
  bad_request: 400,
  invalid_token: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  account_locked: 403,
  sso_required: 403,
  /** The organization's subscription was cancelled and its paid period is over: it may only read. */
  account_read_only: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  /** An If-Match that no longer names the resource as it is: someone changed it since it was read. */
  precondition_failed: 412,
  last_administrator: 409,
  /** Every seat of the plan is taken (active members and open invitations). */
  seat_limit_reached: 409,
  payload_too_large: 413,
  range_not_satisfiable: 416,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  integrity_failed: 500,
  key_unavailable: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Why a request clashed, for codes that have more than one cause: the web app says exactly
 * that, in the reader's language (`problem.<code>.<reason>`), instead of one generic sentence.
 */
export const REASONS = {
  conflict: [
    'expiry_follows_settings',
    'webhook_delivery_sending',
    'reminder_inactive',
    'invitation_accepted',
    'lock_self',
    'remove_self',
    'category_in_use',
    'org_unit_in_use',
    'system_event',
    'default_business_unit',
    'business_unit_in_use',
    'import_committed',
    'import_not_checked',
    'import_has_errors',
    'import_mapping_changed',
    'import_rows_changed',
    'import_no_valid_rows',
    'partner_has_contracts',
    'partner_has_hidden_contracts',
    'numbers_exhausted',
    'number_reused',
    'options_in_use',
    'duplicate',
    'concurrent_change',
    'not_in_inbox',
    'no_pending_sign_in',
    'no_second_factor',
    'factor_confirmed',
    'second_factor_required',
    'sms_not_configured',
    'sms_not_alone',
    'export_in_progress',
    'export_not_ready',
    'subscription_cancelled',
    'subscription_not_cancelled',
    'deletion_already_requested',
    'no_deletion_requested',
    'legal_hold',
    'envelope_not_draft',
    'approval_running',
    'approval_not_open',
    'approval_not_rejected',
    'template_archived',
    'signing_unconfigured',
    'already_signed',
    'not_your_turn',
    'resend_too_soon',
    'envelope_not_in_progress',
    'document_in_signing',
    'recipient_done',
    'nothing_to_send',
    'code_not_required',
    'no_notice_deadline',
    'not_renewing',
    'no_partner',
    'partner_address_missing',
    'company_details_missing',
  ],
  gone: [
    'link_expired',
    'reminder_moved',
    'reminder_inactive',
    'upload_expired',
    'export_expired',
    'envelope_cancelled',
    'envelope_expired',
    'envelope_declined',
    'envelope_unavailable',
  ],
  account_locked: ['locked', 'no_account'],
  forbidden: ['second_factor_enrolment', 'person_required', 'code_required', 'scope_missing'],
  account_read_only: ['cancelled'],
  seat_limit_reached: ['seats_taken'],
  rate_limited: ['sign_in_throttled', 'sms_throttled', 'code_too_soon', 'code_send_limit', 'code_locked'],
  unavailable: ['sms_unavailable'],
} as const;

export type ReasonCode = keyof typeof REASONS;
export type Reason<C extends ReasonCode> = (typeof REASONS)[C][number];
/** Values a translation puts into its sentence (a name, a count). */
export type Params = Record<string, string | number>;

export interface FieldError {
  field: string;
  rule: string;
  message: string;
  params?: Params;
}

export interface ErrorDetails {
  errors?: FieldError[];
  reason?: string;
  params?: Params;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} was not found.`);
  }

  static forbidden(message = 'Your role does not allow this.'): AppError {
    return new AppError('forbidden', message);
  }

  /** A clash (or a gone link, a locked account) with its named cause, and the fields it concerns where known. */
  static because<C extends ReasonCode>(
    code: C,
    reason: Reason<C>,
    message: string,
    params?: Params,
    errors?: FieldError[],
  ): AppError {
    return new AppError(code, message, { reason, ...(params ? { params } : {}), ...(errors ? { errors } : {}) });
  }

  static invalid(field: string, rule: string, message: string, params?: Params): AppError {
    return new AppError('validation_failed', `${field} ${message}`, {
      errors: [{ field, rule, message, ...(params ? { params } : {}) }],
    });
  }

  /**
   * This refusal, but the request's transaction still commits: what it wrote before refusing (a
   * failed attempt counted towards a throttle, the log entry) must stay. Throw it before any other write.
   */
  static committing(error: AppError): CommittedRefusal {
    return new CommittedRefusal(error);
  }

  /** Several problems in one answer; the message names the first. */
  static invalidAll(errors: [FieldError, ...FieldError[]]): AppError {
    return new AppError('validation_failed', `${errors[0].field} ${errors[0].message}`, { errors });
  }
}

/** An AppError thrown after its transaction commits (see AppError.committing); transact unwraps it. */
export class CommittedRefusal extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'CommittedRefusal';
  }
}
