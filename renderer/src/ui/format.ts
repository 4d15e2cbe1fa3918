const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * `$1.20`, `$1,234.56` from integer cents, as the engine and CLI write amounts. The one float step is this final
 * division for display: an integer over 100 is the nearest double to the exact amount, so two decimals are exact.
 */
export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}

/** A cost range, collapsed when both ends agree. */
export function formatCentsRange(min: number, max: number): string {
  return min === max ? formatCents(min) : `${formatCents(min)} – ${formatCents(max)}`;
}

/** `1h 05m`, `3m 20s`, `12s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${seconds}s`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "3 minutes ago" for recent times, a date ("Nov 24, 2026") beyond a week; the time is in formatDateTime. */
export function formatWhen(timestamp: number, now = Date.now()): string {
  const seconds = Math.round((timestamp - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return dateOnly.format(timestamp);
}

/** A full date and time, for tooltips. */
export function formatDateTime(timestamp: number): string {
  return dateTime.format(timestamp);
}

/** `2.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The last part of a path, for compact labels. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
