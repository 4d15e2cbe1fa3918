/** A deterministic hue from a string, so the same file always gets the same colours. */
function hueOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

function aspectOf(path: string): [number, number] {
  const match = /-(\d+)x(\d+)[/\\]/.exec(path);
  return match ? [Number(match[1]), Number(match[2])] : [3, 2];
}

/**
 * A small SVG "photo" for a path: the source's colours, at the aspect ratio its output folder names
 * (`<folder>-1080x1350/`), with a round subject kept in frame, so before/after sliders look like a recomposition.
 */
export function fakeThumbnailDataUrl(path: string, maxSide: number): string {
  const [aw, ah] = aspectOf(path);
  const scale = maxSide / Math.max(aw, ah);
  const width = Math.max(1, Math.round(aw * scale));
  const height = Math.max(1, Math.round(ah * scale));
  const base = path.replace(/-(\d+)x(\d+)([/\\])/, '$3');
  // Outputs may change the extension (PNG source, JPEG output): colour by the bare name so both look alike.
  const hue = hueOf((base.split(/[/\\]/).pop() ?? base).replace(/\.[^.]+$/, ''));
  const r = Math.min(width, height) * 0.28;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,72%)"/>` +
    `<stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,38%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>` +
    `<rect y="${height * 0.72}" width="100%" height="${height * 0.28}" fill="hsl(${(hue + 180) % 360},25%,30%)" opacity="0.55"/>` +
    `<circle cx="${width / 2}" cy="${height * 0.48}" r="${r}" fill="hsl(${(hue + 200) % 360},70%,55%)"/>` +
    `<circle cx="${width / 2 - r * 0.3}" cy="${height * 0.48 - r * 0.3}" r="${r * 0.25}" fill="white" opacity="0.5"/>` +
    `</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
