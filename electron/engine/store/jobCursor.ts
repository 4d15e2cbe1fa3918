import { SmartResizeError } from '../../domain/errors';

/** Position after the last job of a page in newest-first order: its creation time and id (the tie-breaker). */
export interface JobCursor {
  readonly createdAt: number;
  readonly id: string;
}

/** Encodes a cursor as an opaque string for the UI to hand back. */
export function encodeJobCursor(cursor: JobCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Decodes a cursor from {@link encodeJobCursor}; anything else is an `invalid_query` error. */
export function decodeJobCursor(text: string): JobCursor {
  const match = /^(\d+)\|(.+)$/s.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) throw new SmartResizeError('invalid_query', 'The page cursor is not valid; reload the list.');
  return { createdAt: Number(match[1]), id: match[2]! };
}
