/** `1080x1350`, `1080 × 1350` -> a size, or null. */
export function parseSizeText(text: string): { width: number; height: number } | null {
  const match = /^\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*$/.exec(text);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}
