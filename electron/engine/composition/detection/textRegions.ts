import type { Box } from '../../local/geometry';
import { type Glyph, type GlyphScratch, type GreyPlane, glyphScratch, glyphsOf, strokeMasks } from './textGlyphs';

/** A line needs this many glyphs side by side: two could be a pair of pebbles, three in a row rarely are. */
const MIN_GLYPHS_PER_LINE = 3;
/** Most letters are strokes that fill a third to a half of their box; a row of pebbles or leaves fills more. */
const MAX_MEDIAN_FILL = 0.72;

/** A block of type: its box and how many letters were seen in it (few letters: more likely a texture's chance line). */
export interface TextBlock {
  readonly box: Box;
  readonly glyphs: number;
}

/**
 * Printed type in a thumbnail, as boxes of text blocks in its pixels. Glyph candidates are the even-toned blobs
 * lighter or darker than their surroundings (textGlyphs); a line is at least three of them of similar height and
 * tone, side by side on a common centre line with letter-sized gaps; lines stacked close become one block. Ad type
 * is solid colour set to be read, which is what this looks for; leaves, gravel and fur are blobs too, but uneven
 * in tone and size and not lined up. Each plane (luma, and the colour axes: see textPlanes) is searched on its own
 * and the lines found in any are joined. Model-free and cheap: a few passes over the thumbnail per plane.
 */
export function findTextBlocks(planes: readonly GreyPlane[]): TextBlock[] {
  const lines: TextBlock[] = [];
  let scratch: GlyphScratch | undefined;
  for (const plane of planes) {
    const masks = strokeMasks(plane);
    const pixels = plane.width * plane.height;
    if (scratch?.seen.length === pixels) scratch.seen.fill(0);
    else scratch = glyphScratch(pixels);
    const glyphs = [...glyphsOf(plane, 'light', masks.light, scratch), ...glyphsOf(plane, 'dark', masks.dark, scratch)];
    const groups = groupIntoLines(glyphs);
    const typeLines = groups.filter(isTypeLine);
    const loose = groups.filter((group) => !typeLines.includes(group)).flat();
    lines.push(...typeLines.filter((line) => !inTexture(line, loose)).map((line) => ({ box: boundsOf(line), glyphs: line.length })));
  }
  // One line seen in two planes (or in parts in each) is one block.
  return joinLines(lines, planes[0]?.height ?? 0);
}

/** Union-find over glyphs that could be neighbours on one line of type. */
function groupIntoLines(glyphs: readonly Glyph[]): Glyph[][] {
  const parent = glyphs.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  const byLeft = glyphs.map((glyph, index) => ({ glyph, index })).sort((a, b) => a.glyph.box.left - b.glyph.box.left);
  for (let a = 0; a < byLeft.length; a += 1) {
    const first = byLeft[a]!.glyph;
    const right = first.box.left + first.box.width;
    for (let b = a + 1; b < byLeft.length; b += 1) {
      const second = byLeft[b]!.glyph;
      const tall = Math.max(first.box.height, second.box.height);
      if (second.box.left - right > 1.1 * tall) break;
      if (neighbours(first, second)) parent[find(byLeft[a]!.index)] = find(byLeft[b]!.index);
    }
  }
  const lines = new Map<number, Glyph[]>();
  glyphs.forEach((glyph, index) => {
    const root = find(index);
    const line = lines.get(root);
    if (line) line.push(glyph);
    else lines.set(root, [glyph]);
  });
  return [...lines.values()];
}

function neighbours(a: Glyph, b: Glyph): boolean {
  if (a.polarity !== b.polarity) return false;
  const tall = Math.max(a.box.height, b.box.height);
  const short = Math.min(a.box.height, b.box.height);
  // Capitals beside lower case differ (x-height against cap height), but not by more than this.
  if (tall > 2 * short) return false;
  const centreA = a.box.top + a.box.height / 2;
  const centreB = b.box.top + b.box.height / 2;
  const bottomA = a.box.top + a.box.height;
  const bottomB = b.box.top + b.box.height;
  // Letters share a baseline (descenders aside) or a centre line.
  if (Math.abs(centreA - centreB) > 0.35 * tall && Math.abs(bottomA - bottomB) > 0.2 * tall) return false;
  return Math.abs(a.tone - b.tone) <= 30;
}

/**
 * Whether grouped glyphs read as a line of type: enough of them, straight (the line is hardly taller than its
 * median letter; chains of blobs across a texture wander), letters of one size, and letters covering most of the
 * line's length (words, not a few blobs strung far apart), mostly strokes rather than solid blobs.
 */
function isTypeLine(line: readonly Glyph[]): boolean {
  if (line.length < MIN_GLYPHS_PER_LINE) return false;
  const heights = line.map((glyph) => glyph.box.height).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  const bounds = boundsOf(line);
  if (bounds.height > 1.7 * median || bounds.width < 1.5 * bounds.height) return false;
  const mean = heights.reduce((sum, value) => sum + value, 0) / heights.length;
  const spread = Math.sqrt(heights.reduce((sum, value) => sum + (value - mean) ** 2, 0) / heights.length);
  if (spread > 0.3 * mean) return false;
  const fills = line.map((glyph) => glyph.fill).sort((a, b) => a - b);
  if (fills[Math.floor(fills.length / 2)]! > MAX_MEDIAN_FILL) return false;
  const covered = line.reduce((sum, glyph) => sum + glyph.box.width, 0);
  return covered >= 0.4 * bounds.width;
}

/**
 * Whether a line sits in a field of letter-like blobs that form no line (grass, gravel, foliage): set type stands
 * on a calmer background, so around a real line (a line height above and below) few loose blobs are found.
 */
function inTexture(line: readonly Glyph[], loose: readonly Glyph[]): boolean {
  const bounds = boundsOf(line);
  const heights = line.map((glyph) => glyph.box.height).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  const left = bounds.left - bounds.height;
  const right = bounds.left + bounds.width + bounds.height;
  const top = bounds.top - bounds.height;
  const bottom = bounds.top + 2 * bounds.height;
  let near = 0;
  for (const glyph of loose) {
    // The other polarity is the background between and inside the letters (counters, gaps): not texture.
    if (glyph.polarity !== line[0]!.polarity) continue;
    // Texture repeats blobs of one size; a highlight or a smaller caption beside a headline is not texture.
    if (glyph.box.height < 0.6 * median || glyph.box.height > 1.6 * median) continue;
    const x = glyph.box.left + glyph.box.width / 2;
    const y = glyph.box.top + glyph.box.height / 2;
    if (x >= left && x <= right && y >= top && y <= bottom) near += 1;
  }
  return near >= 0.6 * line.length;
}

function boundsOf(line: readonly Glyph[]): Box {
  const left = Math.min(...line.map((glyph) => glyph.box.left));
  const top = Math.min(...line.map((glyph) => glyph.box.top));
  const right = Math.max(...line.map((glyph) => glyph.box.left + glyph.box.width));
  const bottom = Math.max(...line.map((glyph) => glyph.box.top + glyph.box.height));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Lines of similar size stacked close above one another and overlapping sideways become one block (a headline of
 * two lines, a paragraph), as do words of one line left apart and one line found in two planes; a block never grows
 * past half the picture's height. Letters add up, except for a line seen twice (the larger count stands).
 */
function joinLines(lines: TextBlock[], pictureHeight: number): TextBlock[] {
  const blocks = [...lines];
  let merged = true;
  while (merged) {
    merged = false;
    for (let a = 0; a < blocks.length && !merged; a += 1) {
      for (let b = a + 1; b < blocks.length && !merged; b += 1) {
        const first = blocks[a]!.box;
        const second = blocks[b]!.box;
        const gapY = Math.max(first.top, second.top) - Math.min(first.top + first.height, second.top + second.height);
        const overlapX = Math.min(first.left + first.width, second.left + second.width) - Math.max(first.left, second.left);
        const similar = Math.max(first.height, second.height) <= 2.5 * Math.min(first.height, second.height);
        const spanned = Math.max(first.top + first.height, second.top + second.height) - Math.min(first.top, second.top);
        const lineHeight = Math.min(first.height, second.height);
        const stacked = gapY <= 0.8 * lineHeight && overlapX > 0.3 * Math.min(first.width, second.width);
        // Words of one line that the glyph grouping left apart (a wide word space, or a letter missed between them).
        const sameLine = gapY <= -0.6 * lineHeight && overlapX > -2.5 * Math.max(first.height, second.height);
        // The same line found in two planes.
        const overlapping = gapY < 0 && overlapX > 0;
        if (similar && (stacked || sameLine || overlapping) && spanned <= 0.5 * pictureHeight) {
          const left = Math.min(first.left, second.left);
          const top = Math.min(first.top, second.top);
          const box = {
            left,
            top,
            width: Math.max(first.left + first.width, second.left + second.width) - left,
            height: Math.max(first.top + first.height, second.top + second.height) - top,
          };
          const [countA, countB] = [blocks[a]!.glyphs, blocks[b]!.glyphs];
          blocks[a] = { box, glyphs: overlapping && !stacked ? Math.max(countA, countB) : countA + countB };
          blocks.splice(b, 1);
          merged = true;
        }
      }
    }
  }
  return blocks;
}
