import { findPlacement, safeArea } from '../../../../electron/domain/placements';

/**
 * The placement's reserved bands drawn over an output preview (shaded, with the safe area outlined), so a designer
 * sees what the platform's buttons and captions will cover. Sized by the output's aspect ratio and centred, so it
 * lies exactly on a preview drawn with object-fit: contain.
 */
export function SafeZoneOverlay({ placementId, width, height }: { placementId: string; width: number; height: number }) {
  const placement = findPlacement(placementId);
  if (!placement?.safeZone) return null;
  const area = safeArea(placement, width, height);
  const pct = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <div className="safe-zone-overlay" style={{ aspectRatio: `${width} / ${height}` }} data-testid="safe-zone-overlay" aria-label={`Safe zone of ${placement.name}`} role="img">
      <div className="safe-zone-band" style={{ left: 0, right: 0, top: 0, height: pct(area.top, height) }} />
      <div className="safe-zone-band" style={{ left: 0, right: 0, bottom: 0, height: pct(height - area.top - area.height, height) }} />
      <div className="safe-zone-band" style={{ left: 0, top: pct(area.top, height), height: pct(area.height, height), width: pct(area.left, width) }} />
      <div className="safe-zone-band" style={{ right: 0, top: pct(area.top, height), height: pct(area.height, height), width: pct(width - area.left - area.width, width) }} />
      <div className="safe-zone-area" style={{ left: pct(area.left, width), top: pct(area.top, height), width: pct(area.width, width), height: pct(area.height, height) }} />
      <span className="safe-zone-label">{placement.platform}: keep clear</span>
    </div>
  );
}

/** True when the placement the output was checked against reserves a safe zone (the overlay toggle shows). */
export function hasSafeZone(placementId: string | undefined): placementId is string {
  return placementId !== undefined && findPlacement(placementId)?.safeZone !== undefined;
}
