import { describe, expect, it } from 'vitest';
import { marksFromXmp, marksToXmp, mergeMarksIntoXmp } from '../../../electron/engine/composition/marks/xmpMarks';

const MARKS = { focus: { x: 0.25, y: 0.4 }, keep: [{ left: 0.1, top: 0.2, width: 0.3, height: 0.15 }] };
const AT = Date.UTC(2026, 11, 1, 20, 0, 0);

/** A sidecar as another program writes it (a rating and a title), without our marks. */
const LIGHTROOM = `<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4"/>
 </rdf:RDF>
</x:xmpmeta>`;

describe('marks in an XMP sidecar', () => {
  it('reads back what it writes', () => {
    expect(marksFromXmp(marksToXmp(MARKS, AT))).toEqual({ marks: MARKS, updatedAt: AT });
    expect(marksFromXmp(marksToXmp({ keep: [] }, AT))).toEqual({ marks: { keep: [] }, updatedAt: AT });
  });

  it("goes into another program's sidecar beside its data, and replaces only itself when set again", () => {
    const once = mergeMarksIntoXmp(LIGHTROOM, MARKS, AT)!;
    expect(once).toContain('xmp:Rating="4"');
    expect(marksFromXmp(once)?.marks).toEqual(MARKS);
    const twice = mergeMarksIntoXmp(once, { keep: [] }, AT + 1)!;
    expect(twice).toContain('xmp:Rating="4"');
    expect(twice.match(/srmarks:ModifyDate/g)).toHaveLength(1);
    expect(marksFromXmp(twice)).toEqual({ marks: { keep: [] }, updatedAt: AT + 1 });
  });

  it('leaves a file that is not XMP alone and ignores marks outside the image', () => {
    expect(mergeMarksIntoXmp('just some notes', MARKS, AT)).toBeUndefined();
    expect(marksFromXmp(marksToXmp({ focus: { x: 1.5, y: 0.2 }, keep: [] }, AT))).toBeUndefined();
    expect(marksFromXmp(LIGHTROOM)).toBeUndefined();
  });
});
