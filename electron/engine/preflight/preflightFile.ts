import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { KeepBox, PlacementSpec, PreflightResult } from '../../domain/placements';
import { detectSubject } from '../local';
import { inspectImage } from './inspectImage';
import { runPreflight } from './runPreflight';

/**
 * Preflights an image file that already exists (made by this app or elsewhere) against a placement. The subject is
 * found in the file's own pixels for the safe-zone check; the source is unknown, so upscaling is not judged.
 */
export async function preflightFile(path: string, placement: PlacementSpec, options: { maxBytes?: number } = {}): Promise<PreflightResult> {
  const bytes = await readFile(path);
  const image = await inspectImage(bytes);
  const boxes = placement.safeZone ? await subjectBoxes(bytes) : [];
  return runPreflight({ image, target: { width: placement.width, height: placement.height }, placement, maxBytes: options.maxBytes, boxes });
}

/** The subject of encoded pixels as a keep box in their own coordinates ([] when there is none to find). */
async function subjectBoxes(bytes: Buffer): Promise<KeepBox[]> {
  const { data, info } = await sharp(bytes).rotate().toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const subject = await detectSubject({ data, width: info.width, height: info.height, channels: 4 });
  return subject ? [{ kind: 'subject', ...subject }] : [];
}
