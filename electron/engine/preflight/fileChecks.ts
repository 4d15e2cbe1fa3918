import type { PlacementFormat, PreflightCheck } from '../../domain/placements';
import { kb, type PreflightInput } from './preflightInput';

const FORMAT_NAMES: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', tiff: 'TIFF', heif: 'HEIF', avif: 'AVIF' };
const formatName = (format: string) => FORMAT_NAMES[format] ?? format.toUpperCase();

/** The weight limit that applies: the stricter of the placement's and the run's or profile's, in bytes. */
export function weightLimit(input: Pick<PreflightInput, 'placement' | 'maxBytes'>): number | undefined {
  const limits = [input.placement?.maxKB != null ? input.placement.maxKB * 1000 : undefined, input.maxBytes].filter((value): value is number => value !== undefined);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

/** File weight within the limit. */
export function checkWeight(input: PreflightInput): PreflightCheck {
  const limit = weightLimit(input);
  const size = kb(input.image.bytes);
  if (limit === undefined) {
    const why = input.placement ? 'no published limit was found for this placement' : 'no limit is set';
    return { id: 'weight', status: 'pass', message: `${size}; ${why}.` };
  }
  if (input.image.bytes <= limit) return { id: 'weight', status: 'pass', message: `${size}, within the ${kb(limit)} limit.` };
  const note = input.budgetNote ? ` ${input.budgetNote}` : '';
  return { id: 'weight', status: 'fail', message: `${size} is over the ${kb(limit)} limit; the upload would be refused.${note}` };
}

/** The encoding is one the placement takes. */
export function checkFormat({ image, placement }: PreflightInput): PreflightCheck {
  const name = formatName(image.format);
  if (!placement) return { id: 'format', status: 'pass', message: `${name}.` };
  if (placement.formats.includes(image.format as PlacementFormat)) return { id: 'format', status: 'pass', message: `${name} is accepted.` };
  const accepted = placement.formats.map(formatName).join(', ');
  return { id: 'format', status: 'fail', message: `${name} is not accepted here; use ${accepted}.` };
}

/** sRGB: tagged or embedded is a pass; untagged RGB is a warning (most viewers assume sRGB); another space fails. */
export function checkColour({ image }: PreflightInput): PreflightCheck {
  const icc = image.iccDescription;
  if (image.space === 'cmyk') return { id: 'colour', status: 'fail', message: 'CMYK colours: screens show them wrong. Convert to sRGB.' };
  if (icc && /srgb|iec\s*61966/i.test(icc)) return { id: 'colour', status: 'pass', message: `sRGB, profile embedded (${icc}).` };
  if (icc) return { id: 'colour', status: 'warn', message: `Colour profile "${icc}" is not sRGB; colours may shift where it is ignored.` };
  if (image.space === 'b-w') return { id: 'colour', status: 'pass', message: 'Greyscale.' };
  if (image.space === 'srgb' || image.space === 'rgb') return { id: 'colour', status: 'warn', message: 'No colour profile: most platforms assume sRGB, some may not.' };
  return { id: 'colour', status: 'fail', message: `Colour space ${image.space}: convert to sRGB.` };
}
