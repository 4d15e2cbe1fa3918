import type { ApiErrorBody, FieldIssue } from './apiError';

// The error class in a module of its own without schemas: the renderer's start-up code throws it, and the schemas of
// apiError.ts would bring zod into the page's first bundle.

/** A refused call, as the renderer sees it whichever transport carried it. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';

  constructor(
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** Rebuilds the error from a transported body. */
  static fromBody(body: ApiErrorBody): ApiCallError {
    return new ApiCallError(body.code, body.message, body.issues ?? []);
  }

  /** The body to transport. */
  toBody(): ApiErrorBody {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}
