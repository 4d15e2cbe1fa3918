/** Distinct, readable-on-photos colours for the frames of a job's sizes, one per size in the order listed. */
const FRAME_COLOURS = ['#f79009', '#2e90fa', '#12b76a', '#ee46bc', '#7a5af8', '#f04438', '#15b79e', '#eaaa08', '#6172f3', '#a15c07'];

/** The colour of the size at `index` (frames on the source and the tiles' edges share it). */
export function frameColour(index: number): string {
  return FRAME_COLOURS[index % FRAME_COLOURS.length]!;
}
