/** The closed set of error codes. One place (http/problem.ts) maps them to HTTP statuses. */
export const ERROR_CODES = {
  validation_failed: 422,
  bad_request: 400,
  invalid_token: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  account_locked: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  last_administrator: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  field: string;
  rule: string;
  message: string;
  /** Values for the translated message (a row and column, a limit), when the rule has any. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[] } = {},
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

  static invalid(field: string, rule: string, message: string): AppError {
    return new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, rule, message }] });
  }

  /** Several problems in one answer; the message names the first. */
  static invalidAll(errors: [FieldError, ...FieldError[]]): AppError {
    return new AppError('validation_failed', `${errors[0].field} ${errors[0].message}`, { errors });
  }
}
