import { ExternalLink, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { OutputDownloadLink } from '../filesOut/OutputDownloadLink';
import { OutputDragHandle } from '../filesOut/OutputDragHandle';
import { PreflightBadge } from '../preflight/PreflightBadge';
import { SafeZoneOverlay, hasSafeZone } from '../preflight/SafeZoneOverlay';
import { Badge } from '../../ui/Badge';
import { IconButton } from '../../ui/IconButton';
import { Thumbnail } from '../../ui/Thumbnail';
import { layoutWords } from './layoutWords';
import { VariantBadge } from './VariantBadge';
import { previewSide, type TileSize } from './outputWindows';

/**
 * Narrower pictures still get a column wide enough for the size's name and its four buttons (drag, download, open,
 * show in folder) on one line: at 200 px a 9:16 size's last button lay under its neighbour's picture.
 */
const MIN_TILE_WIDTH = 250;

interface Props {
  jobId: string;
  output: JobOutput;
  /** The tile's picture size on screen: the output's window at the job's shared scale. */
  size: TileSize;
  colour: string;
  missing: boolean;
  active: boolean;
  onSelect: () => void;
  onOpenLarge: () => void;
  onReveal: () => void;
  onOpen: () => void;
}

/** One output at its true shape and the job's shared scale, with who made it, how, and buttons to reach its file. */
export function OutputTile({ jobId, output, size, colour, missing, active, onSelect, onOpenLarge, onReveal, onOpen }: Props) {
  const [showSafeZone, setShowSafeZone] = useState(false);
  const placementId = output.preflight?.placementId;
  return (
    <li className={`output output-tile ${active ? 'active' : ''} ${missing ? 'output-missing' : ''}`} style={{ width: Math.max(size.width, MIN_TILE_WIDTH) }} data-target={output.target}>
      {missing ? (
        <div className="tile-picture tile-gone" style={{ width: size.width, height: size.height, borderColor: colour }} />
      ) : (
        <button
          type="button"
          className="tile-picture"
          style={{ width: size.width, height: size.height, borderColor: colour }}
          onClick={onOpenLarge}
          onFocus={onSelect}
          onMouseEnter={onSelect}
          aria-label={`Open ${output.target} large`}
          title="Open large: zoom to 1:1 and compare with the source"
        >
          <Thumbnail path={output.path} maxSide={previewSide(Math.max(size.width, size.height), window.devicePixelRatio)} alt={`Output ${output.target}`} className="tile-image" />
          {showSafeZone && hasSafeZone(placementId) && <SafeZoneOverlay placementId={placementId} width={output.width} height={output.height} />}
        </button>
      )}
      <div className="output-meta">
        <span className="mono">{output.target}</span>
        <span className="spacer" />
        {!missing && <OutputDragHandle jobId={jobId} path={output.path} target={output.target} />}
        {!missing && <OutputDownloadLink jobId={jobId} path={output.path} target={output.target} />}
        {!missing && <IconButton small label={`Open ${output.target}`} tooltip="Open the file" icon={<ExternalLink size={14} aria-hidden />} onClick={onOpen} />}
        {!missing && <IconButton small label={`Show ${output.target} in its folder`} tooltip="Show in folder" icon={<FolderOpen size={14} aria-hidden />} onClick={onReveal} />}
      </div>
      {missing ? (
        <p className="muted small break">
          <Badge tone="warning">No longer on disk</Badge> {output.path} was moved or deleted after the job wrote it.
        </p>
      ) : (
        <>
          <p className="muted small tile-facts">
            {output.askedForFal ? (
              <Badge tone="warning" title="This size was set to fal; the local engine made it (the job's log says why).">asked for fal, made locally</Badge>
            ) : (
              <Badge tone={output.provider === 'fal' ? 'accent' : 'neutral'}>{output.provider === 'fal' ? `fal${output.tier ? ` ${output.tier}` : ''}` : 'local'}</Badge>
            )}{' '}
            <VariantBadge jobId={jobId} target={output.target} /> {layoutWords(output)}
            {size.shrunk < 1 && <span title="This shape is far longer than the source: at the others' scale it would not fit.">· drawn at {Math.round(size.shrunk * 100)}% of the others' scale</span>}
          </p>
          <div className="output-preflight">
            <PreflightBadge preflight={output.preflight} target={output.target} />
            {hasSafeZone(placementId) && (
              <button type="button" className="btn btn-small" aria-pressed={showSafeZone} onClick={() => setShowSafeZone((value) => !value)} title="Show what the platform's buttons and captions cover">
                {showSafeZone ? 'Hide safe zone' : 'Show safe zone'}
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}
