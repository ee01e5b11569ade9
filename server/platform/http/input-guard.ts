import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolvePrincipal } from '../../features/auth/principal.js';
import { transact } from '../context.js';
import { AppError, type FieldError } from '../errors.js';
import { servesStage } from './route-kit.js';

/** NUL and UTF-16 halves without their partner: PostgreSQL text cannot hold them, and no person types them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
/** Header values the activity log keeps. */
const STORED_HEADERS = ['user-agent'] as const;
/** One answer names this many fields at most; the rest are the same mistake. */
const MAX_REPORTED = 20;

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

const textProblem = (path: readonly string[]): FieldError => ({
  // A key may itself hold the character; the answer shows U+FFFD in its place.
  field: path.join('.').replace(UNSTORABLE_ALL, '\uFFFD'),
  rule: 'text_characters',
  message: 'contains a NUL character or a broken Unicode surrogate pair; remove it',
});

/** Every string and key in a parsed value; iterative, so no nesting depth can exhaust the stack. */
export function unstorableFields(value: unknown, base: readonly string[] = []): FieldError[] {
  const found: FieldError[] = [];
  const stack: [unknown, readonly string[]][] = [[value, base]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) found.push(textProblem(path));
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], [...path, String(i)]]);
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item).reverse()) {
        if (UNSTORABLE.test(key)) found.push(textProblem([...path, key]));
        else stack.push([child, [...path, key]]);
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

/** Fields are named as the schema validation names them (`title`, `q`, `lifecycle.startDate`). */
function requestProblems(req: FastifyRequest): FieldError[] {
  const headers = STORED_HEADERS.filter((name) => {
    const value = req.headers[name];
    return typeof value === 'string' && UNSTORABLE.test(value);
  }).map((name) => textProblem(['header', name]));
  return [...headers, ...unstorableFields(req.params), ...unstorableFields(req.query), ...unstorableFields(req.body)];
}

/**
 * Only on the error path, so the happy path costs no extra query: a caller whose presented
 * session or API key is not valid learns nothing about what the route would accept.
 */
export async function refuseInvalidCredential(req: FastifyRequest): Promise<void> {
  const credential = req.credential;
  if (!credential || req.routeOptions.config?.public) return;
  const { deps } = req.server;
  const principal = await transact(deps, { tokenHash: credential.tokenHash }, (tx) =>
    resolvePrincipal(tx, deps.config, credential),
  );
  // A sign-in still waiting for its code is not signed in, here as in inOrg.
  if (!principal || (principal.stage === 'second_factor' && !servesStage(req, 'second_factor'))) {
    throw new AppError('unauthenticated', 'Sign in first, or send a valid API key.');
  }
}

/**
 * Input problems of /api/v1 routes, answered after the credential: text that cannot be stored
 * (before validation, on the raw input, keys included) and the schema's own validation errors,
 * which every route attaches (`attachValidation`) instead of answering them on the spot.
 */
export function inputGuard(api: FastifyInstance) {
  api.addHook('preValidation', async (req) => {
    const problems = requestProblems(req);
    if (problems.length === 0) return;
    await refuseInvalidCredential(req);
    throw AppError.invalidAll(problems as [FieldError, ...FieldError[]]);
  });
  api.addHook('preHandler', async (req) => {
    if (!req.validationError) return;
    await refuseInvalidCredential(req);
    throw req.validationError;
  });
}
