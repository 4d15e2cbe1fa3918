import sharp from 'sharp';
import type { OutputFormat, ProfileFormat } from '../../domain/outputFormats';
import type { KeepBox, PlacementSpec, PreflightResult } from '../../domain/placements';
import type { RawImage } from '../decode/types';
import { detectSubject } from '../local';
import { inspectImage, runPreflight, upscaleFactor, weightLimit } from '../preflight';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { chooseAutoFormat, hasTransparency } from './autoFormat';
import { encodeWithinBudget } from './budgetEncoder';
import { outputMetadataStep } from './outputMetadata';
import type { RightsMetadata } from './rightsMetadata';

/** One output's pixels and everything its file must meet. */
export interface FinishRequest {
  readonly target: TargetSize;
  /** Pixels of exactly the target size (local engine), or an encoded image to decode (fal's download). */
  readonly image: { readonly raw: RawImage } | { readonly encoded: Buffer };
  readonly format: ProfileFormat;
  readonly quality: number;
  /** The placement the size row named, if any. */
  readonly placement?: PlacementSpec;
  /** The profile's or the run's weight budget in bytes; the stricter of it and the placement's applies. */
  readonly maxBytes?: number;
  readonly rights: RightsMetadata;
  readonly copyRights: boolean;
  /** True for fal outputs (IPTC digital source type: AI-composited). */
  readonly aiComposited: boolean;
  /** The source's upright size, for the upscale check. */
  readonly source?: { readonly width: number; readonly height: number };
  /** Faces, text, subjects in output pixels when the composition step knows them; absent: the subject is found here. */
  readonly boxes?: readonly KeepBox[];
}

/** The file to write, its verdict, and how the encoder got there. */
export interface FinishedOutput {
  readonly bytes: Buffer;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
  readonly preflight: PreflightResult;
  /** Encodes the budget search made (1 when the first fit). */
  readonly encodes: number;
  /** How much the source was enlarged, when it was (> 1). */
  readonly upscale?: number;
}

/**
 * Turns one output's pixels into the file to write: the format (`auto` decided from the pixels and the
 * placement), the weight budget (searched, never by changing the pixel size), the rights metadata and sRGB profile,
 * then the preflight of the very bytes that will be written. A budget that cannot be met still gives a file, whose
 * weight check fails with the encoder's reason. CPU work: callers run it in the job's CPU lane.
 */
export async function finishOutput(request: FinishRequest): Promise<FinishedOutput> {
  const raw = 'raw' in request.image ? request.image.raw : await decodeToTarget(request.image.encoded, request.target);
  const format = request.format === 'auto' ? chooseAutoFormat(raw, request.placement?.formats) : request.format;
  // An `auto` PNG of an opaque graphic may still become a JPEG when no palette fits the budget.
  const jpegAllowed = !request.placement || request.placement.formats.includes('jpeg');
  const fallbackFormats: OutputFormat[] = request.format === 'auto' && format === 'png' && jpegAllowed && !hasTransparency(raw) ? ['jpeg'] : [];
  const limit = weightLimit({ placement: request.placement, maxBytes: request.maxBytes });
  const encoded = await encodeWithinBudget({
    raw,
    format,
    quality: request.quality,
    maxBytes: limit,
    fallbackFormats,
    metadata: outputMetadataStep({ rights: request.rights, copyRights: request.copyRights, aiComposited: request.aiComposited }),
  });
  const boxes = request.boxes ?? (request.placement?.safeZone ? await subjectOf(raw) : []);
  const preflight = runPreflight({
    image: await inspectImage(encoded.bytes),
    target: request.target,
    placement: request.placement,
    maxBytes: request.maxBytes,
    budgetNote: encoded.reason,
    source: request.source,
    boxes,
  });
  const upscale = request.source ? upscaleFactor(request.source, request.target) : undefined;
  return {
    bytes: encoded.bytes,
    format: encoded.settings.format,
    width: raw.width,
    height: raw.height,
    preflight,
    encodes: encoded.attempts.length,
    ...(upscale !== undefined && upscale > 1.0001 ? { upscale } : {}),
  };
}

/** An encoded image as sRGB pixels of exactly the target size (a cover fit when it is off, as fal's sometimes are). */
async function decodeToTarget(bytes: Buffer, target: TargetSize): Promise<RawImage> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(target.width, target.height, { fit: 'cover', position: 'centre' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
}

async function subjectOf(raw: RawImage): Promise<KeepBox[]> {
  const subject = await detectSubject(raw);
  return subject ? [{ kind: 'subject', ...subject }] : [];
}
