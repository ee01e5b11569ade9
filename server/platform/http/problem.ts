import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorDetails, type FieldError, type Params } from '../errors.js';
import { refuseInvalidCredential } from './input-guard.js';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The input is not valid',
  bad_request: 'Bad request',
  invalid_token: 'The link or token is not valid',
  invalid_credentials: 'Wrong e-mail or password',
  unauthenticated: 'Sign-in required',
  account_locked: 'Account locked',
  sso_required: 'Single sign-on required',
  account_read_only: 'The account is read-only',
  seat_limit_reached: 'No seat left on the plan',
  forbidden: 'Not allowed',
  csrf_failed: 'Cross-site request refused',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'No longer valid',
  precondition_failed: 'Changed since you read it',
  last_administrator: 'The last administrator must stay',
  payload_too_large: 'Request too large',
  range_not_satisfiable: 'Range not satisfiable',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  integrity_failed: 'Stored data failed its integrity check',
  key_unavailable: 'An encryption key is not available',
  unavailable: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, details: ErrorDetails = {}) {
  const status = ERROR_CODES[code];
  const { errors, reason, params } = details;
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://deedbox.dev/problems/${code.replaceAll('_', '-')}`,
      title: TITLES[code],
      status,
      code,
      detail,
      requestId: String(reply.request.id),
      ...(reason ? { reason } : {}),
      ...(params ? { params } : {}),
      ...(errors ? { errors } : {}),
    });
}

/** What a translation needs from zod's issue: the limit ("at most 300 characters") or a custom rule's values. */
function paramsOf(keyword: string, raw: Record<string, unknown>): Params | undefined {
  if (keyword === 'custom' && raw.params && typeof raw.params === 'object') {
    const values = Object.entries(raw.params).filter(
      ([name, value]) => name !== 'rule' && (typeof value === 'string' || typeof value === 'number'),
    );
    return values.length ? (Object.fromEntries(values) as Params) : undefined;
  }
  const limit = keyword === 'too_big' ? raw.maximum : keyword === 'too_small' ? raw.minimum : undefined;
  if (typeof limit !== 'number' && typeof limit !== 'bigint') return undefined;
  const origin = typeof raw.origin === 'string' ? raw.origin : 'value';
  return { [keyword === 'too_big' ? 'max' : 'min']: Number(limit), origin };
}

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(error.validationContext ?? '');
    const raw = v.params as Record<string, unknown> & { rule?: string; params?: { rule?: string } };
    const rule = raw.params?.rule ?? raw.rule ?? v.keyword;
    const params = paramsOf(v.keyword, raw);
    return { field, rule, message: v.message ?? 'is not valid', ...(params ? { params } : {}) };
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

/**
 * A body that cannot even be parsed fails before input-guard.ts sees it: a presented credential
 * is confirmed first here too (only on this error path), so an invalid one learns nothing.
 */
async function invalidCaller(request: FastifyRequest): Promise<AppError | null> {
  try {
    await refuseInvalidCredential(request);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    request.log.error({ err: error }, 'credential check failed');
    return null;
  }
}

/** The one place errors become answers: known codes as problem+json, the rest logged and hidden. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const wait = error.code === 'rate_limited' ? error.details.params?.seconds : undefined;
    if (typeof wait === 'number') reply.header('Retry-After', String(wait));
    return sendProblem(reply, error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationErrors(error);
    const first = errors[0];
    const detail = first ? `${first.field}: ${first.message}` : 'The input is not valid.';
    return sendProblem(reply, 'validation_failed', detail, { errors });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  const unreadable = error instanceof SyntaxError || (error.statusCode === 400 && !isResponseSerializationError(error));
  if ((mapped || unreadable) && request.credential) {
    // Resolves once the answer is sent; Fastify then has nothing left to send.
    return invalidCaller(request).then((refused) => {
      if (refused) sendProblem(reply, refused.code, refused.message);
      else if (mapped) sendProblem(reply, mapped, error.message);
      else sendProblem(reply, 'bad_request', 'The request body could not be read.');
    });
  }
  if (mapped) return sendProblem(reply, mapped, error.message);
  if (error.statusCode === 429) return sendProblem(reply, 'rate_limited', 'Too many requests. Try again later.');
  if (unreadable) return sendProblem(reply, 'bad_request', 'The request body could not be read.');
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal', 'Something went wrong on our side. Quote the request id when you contact us.');
}

/** No onRequest hook (helmet's, the API's) runs for an address the router refuses: its answer gets their headers here. */
const ROUTERLESS_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Requests the router refuses before any route runs: an over-long path segment names nothing that exists. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.headers(ROUTERLESS_HEADERS);
  // SCIM clients get SCIM's error shape (RFC 7644 §3.12), as everywhere under /scim/v2.
  if (request.url.startsWith('/scim/v2/')) {
    const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '404' : '400';
    return reply
      .code(Number(status))
      .type('application/scim+json; charset=utf-8')
      .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status, detail: 'No such SCIM resource.' });
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}.`);
  }
  return sendProblem(reply, 'bad_request', 'The address could not be read.');
}
