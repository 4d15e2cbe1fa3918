/**
 * Error bodies shaped like fal's. fal answers every error as JSON with `detail`: a string for platform errors
 * (auth, billing, not found) and a list of `{loc, msg, type}` for input and model errors (FastAPI/pydantic style,
 * plus fal's documented model error types with a `url` to their docs).
 */

/** One entry of a 422 `detail` list. */
export interface FalErrorDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
  url?: string;
  ctx?: Record<string, unknown>;
  input?: unknown;
}

const MODEL_ERROR_MESSAGES: Record<string, string> = {
  content_policy_violation:
    'The content could not be processed because it contained material flagged by a content checker.',
  image_too_large: 'Image dimensions are too large. Maximum dimensions are 14142x14142 pixels.',
  image_too_small: 'Image dimensions are too small. Minimum dimensions are 64x64 pixels.',
  file_too_large: 'File size exceeds the maximum allowed size.',
  file_download_error: 'Failed to download the file. Please check if the URL is accessible.',
  unsupported_image_format: 'Unsupported image format. Supported formats are: jpeg, png, webp, gif, avif.',
  request_timeout: 'Request timed out while processing.',
};

/** A model error detail of a documented fal type (content_policy_violation, image_too_large, ...). */
export function modelErrorDetail(type: string, msg?: string): FalErrorDetail {
  return {
    loc: ['body', 'image_url'],
    msg: msg ?? MODEL_ERROR_MESSAGES[type] ?? `The request failed (${type}).`,
    type,
    url: `https://docs.fal.ai/errors#${type}`,
  };
}

/** The key was absent. */
export const MISSING_KEY_DETAIL =
  "Cannot access application 'fal-ai/smart-resize'. Authentication is required to access this application.";
/** The key was not one fal knows. */
export const WRONG_KEY_DETAIL = 'No user found for Key ID and Secret';
/** An account with no balance left, as fal words it. */
export const USER_LOCKED_DETAIL =
  'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.';

const STATUS_DETAILS: Record<number, string> = {
  400: 'Bad Request',
  401: WRONG_KEY_DETAIL,
  403: USER_LOCKED_DETAIL,
  404: 'Not Found',
  429: 'Too many requests: your concurrency or rate limit was exceeded.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The body fal would send for an HTTP error of this status, optionally with a model error type. */
export function errorBodyFor(status: number, type?: string, msg?: string): { detail: string | FalErrorDetail[] } {
  if (type) return { detail: [modelErrorDetail(type, msg)] };
  if (status === 422) return { detail: [modelErrorDetail('value_error', msg ?? 'Invalid input.')] };
  if (status === 504) return { detail: [modelErrorDetail('request_timeout', msg)] };
  return { detail: msg ?? STATUS_DETAILS[status] ?? (status >= 500 ? 'Runner error' : 'Request failed') };
}
