/** The one application error. `message` is Chinese (it reaches the clerk as it is); `en` serves the CLI. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    readonly en?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The one mapping from error codes to HTTP statuses, for every route handler. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
};

/** A route handler's answer to an AppError (its Chinese message, the status of its code); anything else is rethrown. */
export function errorResponse(error: unknown): Response {
  if (!isAppError(error)) throw error;
  return Response.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
}
