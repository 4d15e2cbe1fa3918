import { SmartResizeError } from '../../domain/errors';

/** A `--since` value: "2025-03-01" as local midnight (what a person means by a date), anything else as Date.parse reads it. */
export function parseSince(text: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const at = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime() : Date.parse(text);
  if (!Number.isFinite(at) || at < 0) throw new SmartResizeError('invalid_query', `--since "${text}" is not a date (use YYYY-MM-DD).`);
  return at;
}
