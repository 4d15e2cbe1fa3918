/** Dollars as people type them: `25`, `12.5`, `$1,200.00`. At most two decimals; no sign. */
const DOLLARS = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Caps above this are surely typos; it also keeps cents far inside the safe integer range. */
export const MAX_CAP_CENTS = 100_000_000;

/**
 * Integer cents from a typed dollar amount, or null when the text is not one. The digits are read as text, never
 * through a float, so "0.29" is 29 cents and not 28.999… rounded.
 */
export function parseDollarsToCents(text: string): number | null {
  const match = DOLLARS.exec(text.trim());
  if (!match) return null;
  const whole = Number(match[1]!.replaceAll(',', ''));
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text a dollar field starts with: 1250 -> "12.50", 300 -> "3"; null (no cap) -> "". */
export function centsToDollarsText(cents: number | null): string {
  if (cents === null) return '';
  const fraction = cents % 100;
  const whole = (cents - fraction) / 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
}
