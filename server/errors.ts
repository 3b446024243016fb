/**
 * One error type for everything the API reports on purpose. The handler in app.ts turns it into
 * `{ code, message, details? }` with its status; anything else becomes a generic 500.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "csrf_failed"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "invalid_plan"
  | "database_locked"
  /** An outside service (e.g. Brreg's API) failed or refused the request. */
  | "upstream_failed";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_plan: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  database_locked: 503,
  upstream_failed: 502,
};

export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
    this.statusCode = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
