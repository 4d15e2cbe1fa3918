/** A small box with a size's aspect ratio, so a list of sizes reads at a glance. */
export function AspectPreview({ width, height, box = 28 }: { width: number; height: number; box?: number }) {
  const valid = width > 0 && height > 0;
  const scale = valid ? box / Math.max(width, height) : 0;
  return (
    <span className="aspect-preview" style={{ width: box, height: box }} aria-hidden>
      {valid && <span className="aspect-shape" style={{ width: Math.max(2, width * scale), height: Math.max(2, height * scale) }} />}
    </span>
  );
}
