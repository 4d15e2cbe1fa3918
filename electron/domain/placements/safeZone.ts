import type { PlacementSpec, SafeZoneInsets } from './placementSpec';

/** A rectangle in output pixels. */
export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The insets in pixels for an output of this size (percent insets scale with the output). */
function insetsInPixels(insets: SafeZoneInsets, width: number, height: number): { top: number; right: number; bottom: number; left: number } {
  if (insets.unit === 'px') {
    return { top: Math.min(insets.top, height), right: Math.min(insets.right, width), bottom: Math.min(insets.bottom, height), left: Math.min(insets.left, width) };
  }
  return {
    top: (insets.top / 100) * height,
    right: (insets.right / 100) * width,
    bottom: (insets.bottom / 100) * height,
    left: (insets.left / 100) * width,
  };
}

/**
 * The part of an output that stays visible and free of platform buttons: the output minus its safe-zone insets.
 * Px insets are given for the placement's own size and scaled to the output (a 2x banner reserves 2x the pixels).
 */
export function safeArea(placement: Pick<PlacementSpec, 'width' | 'height' | 'safeZone'>, width: number, height: number): PixelBox {
  if (!placement.safeZone) return { left: 0, top: 0, width, height };
  const zone = placement.safeZone;
  const scaled: SafeZoneInsets =
    zone.unit === 'px'
      ? { unit: 'px', top: (zone.top * height) / placement.height, bottom: (zone.bottom * height) / placement.height, left: (zone.left * width) / placement.width, right: (zone.right * width) / placement.width }
      : zone;
  const px = insetsInPixels(scaled, width, height);
  return { left: px.left, top: px.top, width: Math.max(0, width - px.left - px.right), height: Math.max(0, height - px.top - px.bottom) };
}
