import type { Problem } from '../../../common/schemas/common.js';

export type ProblemParams = Record<string, string | number>;
export type FieldProblem = { field: string; rule: string; message: string; params?: ProblemParams };

/** Every failed request, shaped like the server's problem+json (or a synthetic one for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** The named cause of a conflict (also of a gone link or a locked account). */
  readonly reason: string | undefined;
  readonly params: ProblemParams;
  readonly fieldErrors: FieldProblem[];

  constructor(problem: Omit<Problem, 'requestId' | 'type'> & { requestId?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.reason = problem.reason;
    this.params = problem.params ?? {};
    this.fieldErrors = problem.errors ?? [];
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Server field paths may arrive as "body.password" or "/password"; forms know only the last segment. */
export function fieldName(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
