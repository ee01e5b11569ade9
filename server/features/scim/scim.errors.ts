import { AppError, ERROR_CODES } from '../../platform/errors.js';

/** Ids here are UUIDs; anything else names no resource (404), never a database error. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The `scimType` values of RFC 7644 §3.12 this server answers with. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidPath'
  | 'noTarget'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';

/** An error answered as `application/scim+json` (RFC 7644 §3.12), never as problem+json. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
    this.name = 'ScimError';
  }

  static bad(scimType: ScimType, message: string): ScimError {
    return new ScimError(scimType === 'uniqueness' ? 409 : 400, message, scimType);
  }
}

export function scimErrorBody(err: ScimError) {
  return {
    schemas: [SCIM_ERROR],
    status: String(err.status),
    ...(err.scimType ? { scimType: err.scimType } : {}),
    detail: err.message,
  };
}

/** What the shared services throw, in SCIM's terms; anything else is an internal error. */
export function toScimError(err: unknown): ScimError | null {
  if (err instanceof ScimError) return err;
  if (err instanceof AppError) {
    const status = ERROR_CODES[err.code];
    if (err.code === 'validation_failed') return new ScimError(400, err.message, 'invalidValue');
    if (err.details.reason === 'duplicate') return new ScimError(409, err.message, 'uniqueness');
    return status >= 500 ? null : new ScimError(status, err.message);
  }
  const status = (err as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals: a body that is not JSON, too large, of another type.
    return new ScimError(status, (err as Error).message, status === 400 ? 'invalidSyntax' : undefined);
  }
  return null;
}
