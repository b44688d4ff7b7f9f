/** Errors are values with a code, the field at fault and a message key; HTTP maps them once. */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'locked' | 'tooMany';

export class AppError extends Error {
  /** Structured reasons for the caller (e.g. why a release is refused), sent as `details`. */
  details?: unknown;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const invalid = (field: string, code: string, params?: Record<string, string | number>) =>
  new AppError('invalid', code, field, params);
export const notFound = (field = 'id') => new AppError('notFound', 'notFound', field);
export const forbidden = (field?: string) => new AppError('forbidden', 'forbidden', field);
export const conflict = (field: string, code: string) => new AppError('conflict', code, field);

export function withDetails(error: AppError, details: unknown): AppError {
  error.details = details;
  return error;
}
