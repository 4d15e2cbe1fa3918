import type { UserMarks } from '../userMarks';

/** Our XMP namespace: the app's marks live in one rdf:Description of their own, beside anything else in the file. */
const NS = 'http://ns.smart-resize.app/marks/1.0/';
const PREFIX = 'srmarks';

/** Marks read back from a sidecar, with when they were set there. */
export interface SidecarMarks {
  readonly marks: UserMarks;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
}

const share = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/** Our rdf:Description: the focal point as "x,y" and each keep box as "left,top,width,height" (shares of the upright source). */
function description(marks: UserMarks, updatedAt: number): string {
  const focus = marks.focus ? `\n    ${PREFIX}:Focus="${share(marks.focus.x)},${share(marks.focus.y)}"` : '';
  const boxes = marks.keep.map((box) => `      <rdf:li>${[box.left, box.top, box.width, box.height].map(share).join(',')}</rdf:li>`);
  return [
    `  <rdf:Description rdf:about="" xmlns:${PREFIX}="${NS}"`,
    `    ${PREFIX}:ModifyDate="${new Date(updatedAt).toISOString()}"${focus}>`,
    `   <${PREFIX}:KeepBoxes>`,
    '    <rdf:Seq>',
    ...boxes,
    '    </rdf:Seq>',
    `   </${PREFIX}:KeepBoxes>`,
    '  </rdf:Description>',
  ].join('\n');
}

/** A whole sidecar holding only our marks. */
export function marksToXmp(marks: UserMarks, updatedAt: number): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    description(marks, updatedAt),
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
    '',
  ].join('\n');
}

/** Our Description element in a sidecar's text (self-closing or not), if there is one. */
function ourDescription(xmp: string): RegExpExecArray | null {
  return new RegExp(`<rdf:Description\\b[^>]*xmlns:${PREFIX}="${NS.replace(/[.]/g, '\\.')}"[^>]*?(/>|>[\\s\\S]*?</rdf:Description>)`).exec(xmp);
}

/**
 * An existing sidecar (another program's: Lightroom, darktable...) with our Description put in or replaced, all
 * else kept as it was; undefined when the text is not XMP (no rdf:RDF), so such a file is never overwritten.
 */
export function mergeMarksIntoXmp(existing: string, marks: UserMarks, updatedAt: number): string | undefined {
  const ours = ourDescription(existing);
  if (ours) return existing.slice(0, ours.index) + description(marks, updatedAt).trimStart() + existing.slice(ours.index + ours[0].length);
  const end = existing.lastIndexOf('</rdf:RDF>');
  if (end < 0) return undefined;
  return `${existing.slice(0, end)}${description(marks, updatedAt)}\n ${existing.slice(end)}`;
}

/** Our marks in a sidecar's text, or undefined when it has none (or they are not shares between 0 and 1). */
export function marksFromXmp(xmp: string): SidecarMarks | undefined {
  const ours = ourDescription(xmp);
  if (!ours) return undefined;
  const block = ours[0];
  const attribute = (name: string) => new RegExp(`${PREFIX}:${name}="([^"]*)"`).exec(block)?.[1];
  const numbers = (text: string) => text.split(',').map((part) => Number(part.trim()));
  const valid = (values: number[], count: number) => values.length === count && values.every((value) => Number.isFinite(value) && value >= 0 && value <= 1);
  const updatedAt = Date.parse(attribute('ModifyDate') ?? '');
  const focusText = attribute('Focus');
  const focus = focusText ? numbers(focusText) : undefined;
  if (focus && !valid(focus, 2)) return undefined;
  const keep = [...block.matchAll(/<rdf:li>([^<]*)<\/rdf:li>/g)].map((match) => numbers(match[1]!));
  if (!keep.every((box) => valid(box, 4))) return undefined;
  return {
    marks: {
      ...(focus ? { focus: { x: focus[0]!, y: focus[1]! } } : {}),
      keep: keep.map(([left, top, width, height]) => ({ left: left!, top: top!, width: width!, height: height! })),
    },
    updatedAt: Number.isFinite(updatedAt) ? updatedAt : 0,
  };
}
