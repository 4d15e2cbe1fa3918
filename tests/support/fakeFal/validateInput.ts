import type { FalErrorDetail } from './falErrors';
import { coveringPreset, type FalTier } from './presets';

/** smart-resize's input after validation, defaults filled in as fal documents them. */
export interface SmartResizeInput {
  readonly image_url: string;
  readonly target_sizes: readonly { readonly width: number; readonly height: number }[];
  readonly prompt: string;
  readonly num_images_per_size: number;
  readonly resolution: FalTier;
  readonly output_format: 'jpeg' | 'png' | 'webp';
  readonly safety_tolerance: string;
  readonly seed: number | undefined;
  readonly sync_mode: boolean;
}

type Raw = Record<string, unknown>;

const error = (field: (string | number)[], msg: string, type: string, input?: unknown): FalErrorDetail => ({
  loc: ['body', ...field],
  msg,
  type,
  ...(input !== undefined && { input }),
});

function literal<T extends string>(raw: Raw, field: string, allowed: readonly T[], fallback: T, errors: FalErrorDetail[]): T {
  const value = raw[field] ?? fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const listed = allowed.map((a) => `'${a}'`);
  const words = `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
  errors.push(error([field], `Input should be ${words}`, 'literal_error', value));
  return fallback;
}

function integer(raw: Raw, field: string, range: [number, number] | undefined, errors: FalErrorDetail[]): number | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push(error([field], 'Input should be a valid integer', 'int_type', value));
    return undefined;
  }
  if (range && value < range[0]) errors.push(error([field], `Input should be greater than or equal to ${range[0]}`, 'greater_than_equal', value));
  if (range && value > range[1]) errors.push(error([field], `Input should be less than or equal to ${range[1]}`, 'less_than_equal', value));
  return value;
}

function targetSizes(raw: Raw, tier: FalTier, errors: FalErrorDetail[]): SmartResizeInput['target_sizes'] {
  const value = raw.target_sizes;
  if (value === undefined) return errors.push(error(['target_sizes'], 'Field required', 'missing')), [];
  if (!Array.isArray(value)) return errors.push(error(['target_sizes'], 'Input should be a valid list', 'list_type', value)), [];
  if (value.length < 1) errors.push(error(['target_sizes'], 'List should have at least 1 item after validation, not 0', 'too_short', value));
  if (value.length > 10) {
    errors.push(error(['target_sizes'], `List should have at most 10 items after validation, not ${value.length}`, 'too_long', value));
  }
  const sizes: { width: number; height: number }[] = [];
  value.forEach((item: unknown, index) => {
    const match = typeof item === 'string' ? /^(\d{1,6})x(\d{1,6})$/.exec(item) : null;
    const width = Number(match?.[1]);
    const height = Number(match?.[2]);
    if (!match || width < 1 || height < 1) {
      errors.push(error(['target_sizes', index], `Value error, Invalid size ${JSON.stringify(item)}: expected WIDTHxHEIGHT`, 'value_error', item));
    } else if (!coveringPreset(width, height, tier)) {
      errors.push(error(['target_sizes', index], `Value error, Target size ${item} exceeds the largest available resolution`, 'value_error', item));
    } else {
      sizes.push({ width, height });
    }
  });
  return sizes;
}

/** Validates a smart-resize input like fal's pydantic model; `errors` is the 422 `detail` list (empty when valid). */
export function validateSmartResizeInput(body: unknown): { input: SmartResizeInput | undefined; errors: FalErrorDetail[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { input: undefined, errors: [error([], 'Input should be a valid dictionary or object to extract fields from', 'model_attributes_type', body)] };
  }
  const raw = body as Raw;
  const errors: FalErrorDetail[] = [];
  const imageUrl = raw.image_url;
  if (imageUrl === undefined) errors.push(error(['image_url'], 'Field required', 'missing'));
  else if (typeof imageUrl !== 'string') errors.push(error(['image_url'], 'Input should be a valid string', 'string_type', imageUrl));
  const prompt = raw.prompt ?? '';
  if (typeof prompt !== 'string') errors.push(error(['prompt'], 'Input should be a valid string', 'string_type', prompt));
  else if (prompt.length > 5000) errors.push(error(['prompt'], 'String should have at most 5000 characters', 'string_too_long'));
  const syncMode = raw.sync_mode ?? false;
  if (typeof syncMode !== 'boolean') errors.push(error(['sync_mode'], 'Input should be a valid boolean', 'bool_type', syncMode));
  const resolution = literal(raw, 'resolution', ['1K', '2K', '4K'] as const, '1K', errors);
  const input: SmartResizeInput = {
    image_url: typeof imageUrl === 'string' ? imageUrl : '',
    target_sizes: targetSizes(raw, resolution, errors),
    prompt: typeof prompt === 'string' ? prompt : '',
    num_images_per_size: integer(raw, 'num_images_per_size', [1, 4], errors) ?? 1,
    resolution,
    output_format: literal(raw, 'output_format', ['jpeg', 'png', 'webp'] as const, 'png', errors),
    safety_tolerance: literal(raw, 'safety_tolerance', ['1', '2', '3', '4', '5', '6'] as const, '4', errors),
    seed: integer(raw, 'seed', undefined, errors),
    sync_mode: syncMode === true,
  };
  return errors.length > 0 ? { input: undefined, errors } : { input, errors };
}
