// Renders the PNG icons in this folder from their SVG sources: `npx tsx resources/make-icons.ts`.
// The PNGs are committed (packaging and the app read them); run this again after changing an SVG.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const here = import.meta.dirname;

/** Each output: the SVG it comes from and its square size in pixels ("@2x" files are for HiDPI screens). */
const outputs: ReadonlyArray<{ file: string; svg: string; size: number }> = [
  // electron-builder makes the .icns and .ico from a 1024 px PNG; Linux packages and the window use it as is.
  { file: 'icon.png', svg: 'icon.svg', size: 1024 },
  { file: 'tray.png', svg: 'tray.svg', size: 32 },
  { file: 'tray@2x.png', svg: 'tray.svg', size: 64 },
  // macOS menu bar icons are 16 pt; the "Template" suffix tells Electron to let the system colour them.
  { file: 'trayTemplate.png', svg: 'trayTemplate.svg', size: 16 },
  { file: 'trayTemplate@2x.png', svg: 'trayTemplate.svg', size: 32 },
];

for (const output of outputs) {
  const svg = await readFile(join(here, output.svg));
  // Render at a density that gives the target size directly, so small icons stay crisp instead of downscaled.
  const density = Math.round((72 * output.size) / svgWidth(svg.toString('utf8')));
  const info = await sharp(svg, { density }).resize(output.size, output.size).png({ compressionLevel: 9 }).toFile(join(here, output.file));
  console.log(`${output.file}: ${info.width}x${info.height}, ${info.size} bytes`);
}

/** The SVG's width in user units, from its viewBox. */
function svgWidth(svg: string): number {
  const viewBox = /viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  if (!viewBox?.[1]) throw new Error('Each icon SVG needs a viewBox.');
  return Number(viewBox[1]);
}
