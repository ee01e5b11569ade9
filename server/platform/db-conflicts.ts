import { AppError } from './errors.js';

/** PostgreSQL's codes for losing a race with another transaction. */
const UNIQUE_VIOLATION = '23505';
const RACE_LOST = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Unique keys a request's input fills: constraint name → the input field holding the value. */
const UNIQUE_FIELDS: Record<string, string> = {
  categories_name_key: 'name',
  org_units_name_key: 'name',
  business_units_name_key: 'name',
  custom_fields_key_key: 'key',
  contracts_number_key: 'contractNumber',
  users_email_key: 'email',
  memberships_org_id_user_id_pk: 'email',
  user_factors_credential_idx: 'response',
  sso_domains_org_domain_key: 'domain',
  sso_domains_verified_key: 'domain',
};

interface PgFault {
  code: string;
  constraint?: string;
}

/** The database's own error inside whatever wraps it (drizzle's query error; `pg` and PGlite share the shape). */
function pgFault(err: unknown): PgFault | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, constraint } = e as Error & { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
  }
  return null;
}

/**
 * A transaction that lost a race to a concurrent one (the same name created twice at once, a
 * deadlock) as a 409 that names the field where the key is known; null for every other error.
 */
export function conflictOf(err: unknown): AppError | null {
  const fault = pgFault(err);
  if (!fault) return null;
  if (fault.code === UNIQUE_VIOLATION) {
    const field = fault.constraint ? UNIQUE_FIELDS[fault.constraint] : undefined;
    const message = field
      ? `${field} is already used: another request stored the same value a moment ago.`
      : 'Another request stored the same thing a moment ago.';
    return AppError.because(
      'conflict',
      'duplicate',
      message,
      field ? { field } : undefined,
      field ? [{ field, rule: 'unique', message: 'is already used' }] : undefined,
    );
  }
  if (RACE_LOST.has(fault.code)) {
    return AppError.because(
      'conflict',
      'concurrent_change',
      'Another request changed the same data at the same moment. Try again.',
    );
  }
  return null;
}
