/**
 * Every refusal the engine makes is a SmartResizeError: a stable `code` for programs (CLI --json, job rows, the UI)
 * and a `message` written for the person who dropped the file (which file, which limit, what to do).
 */
export type SmartResizeErrorCode =
  | 'invalid_size'
  | 'size_not_coverable_by_fal'
  | 'invalid_profile'
  | 'profile_not_found'
  | 'unsupported_format'
  | 'truncated_image'
  | 'corrupt_image'
  | 'pixel_limit_exceeded'
  | 'file_not_found'
  | 'file_unreadable'
  | 'not_a_file'
  | 'empty_file'
  | 'output_path_escape'
  | 'output_not_writable'
  | 'output_folder_gone'
  | 'invalid_template'
  | 'invalid_settings'
  | 'fal_key_missing'
  | 'invalid_proxy_url'
  | 'job_not_found'
  | 'folder_not_found'
  | 'folder_already_watched'
  | 'invalid_job_transition'
  | 'invalid_query'
  | 'database_error'
  | 'key_storage_unavailable'
  | 'path_not_allowed'
  | 'svg_external_reference'
  | 'source_changed'
  | 'output_not_fixable'
  | 'version_not_found'
  | 'variant_not_found'
  | 'confirmation_required';

export class SmartResizeError extends Error {
  override readonly name = 'SmartResizeError';

  constructor(
    readonly code: SmartResizeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for errors the engine raised on purpose (as opposed to bugs), whose message is fit to show a user. */
export function isSmartResizeError(error: unknown): error is SmartResizeError {
  return error instanceof SmartResizeError;
}

/** The message to show for any thrown value, never an empty string. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Unknown error';
}
