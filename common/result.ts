import type { ErrorCode } from './error-codes';

/**
 * Every call across a process boundary (IPC, HTTP, CLI) answers with a Result instead of throwing:
 * a thrown Error loses its shape when Electron serialises it, and a user needs a code and a next step.
 */
export interface AppError {
  /** Stable machine-readable code; the renderer looks up its message catalog by it. */
  code: string;
  /** English text for logs and the CLI. Never contains a secret. */
  message: string;
  /** What to do next, in English, when there is something to do. */
  hint?: string;
  /** Values the catalog message interpolates (paths, tokens, numbers). Never a secret. */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const fail = (
  code: string,
  message: string,
  extra: { hint?: string; params?: Record<string, string | number> } = {},
): Result<never> => ({ ok: false, error: { code, message, ...extra } });

/** An error a service throws on purpose; the API boundary turns it into a failed Result. */
export class UserError extends Error {
  constructor(
    /** A registry code (error-codes.ts): it decides the CLI's exit code and the catalog message. */
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'UserError';
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

/** Whether a value read from outside (an HTTP body, a page's embedded JSON) has a Result's shape. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}
