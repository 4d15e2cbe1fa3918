/**
 * A name as a case-insensitive share compares it: Unicode NFC (macOS writes decomposed accents, Windows and Linux
 * composed ones) and case folded. JavaScript has no full case fold; upper- then lower-casing folds the cases that
 * differ in length too (ß and SS), which errs towards calling two names the same: a needless suffix, never an
 * overwrite.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
