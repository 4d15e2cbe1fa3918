/** The letter people call a size's variant by: 0 is "A", 1 is "B" (fal makes at most 4 images per size). */
export function variantLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
