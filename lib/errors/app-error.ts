/**
 * The one error type of Sesame's own APIs. `code` is a dotted, stable identifier
 * (Logto's codes where one exists: `session.invalid_credentials`); pages localize
 * it as `Errors.<code>`, APIs return it as `{ code, message, data? }`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly data?: Record<string, unknown>;

  constructor(code: string, status = 400, message?: string, data?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.data = data;
  }

  toBody() {
    return { code: this.code, message: this.message, ...(this.data ? { data: this.data } : {}) };
  }
}

/** Throws `AppError(code, status)` unless the condition holds; narrows like an assertion. */
export function assertThat(condition: unknown, code: string, status = 400, message?: string): asserts condition {
  if (!condition) throw new AppError(code, status, message);
}
