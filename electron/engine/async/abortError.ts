/**
 * The error a stopped wait rejects with (a cancel, a shutdown, going offline). Callers and fal's error
 * classification recognise it by its `name`, as they do the platform's own AbortError.
 */
export function abortError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}
