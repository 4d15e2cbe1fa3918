import { ExternalLink, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';
import { BeforeAfterSlider } from './BeforeAfterSlider';
import { PreflightBadge } from '../preflight/PreflightBadge';
import { SafeZoneOverlay, hasSafeZone } from '../preflight/SafeZoneOverlay';
import { IconButton } from '../../ui/IconButton';
import { OutputDragHandle } from '../filesOut/OutputDragHandle';

/** One output: its before/after comparison, who made it, buttons to show it on disk and a grip to drag it out (or that it is gone). */
export function OutputCompare({ jobId, sourcePath, output, missing, onReveal, onOpen }: { jobId: string; sourcePath: string; output: JobOutput; missing: boolean; onReveal: () => void; onOpen: () => void }) {
  const [showSafeZone, setShowSafeZone] = useState(false);
  const placementId = output.preflight?.placementId;
  if (missing) {
    return (
      <li className="output output-missing">
        <div className="output-meta">
          <span className="mono">{output.target}</span>
          <Badge tone="warning">No longer on disk</Badge>
        </div>
        <p className="muted small break">{output.path} was moved or deleted after the job wrote it.</p>
      </li>
    );
  }
  return (
    <li className="output">
      <BeforeAfterSlider
        sourcePath={sourcePath}
        outputPath={output.path}
        width={output.width}
        height={output.height}
        overlay={showSafeZone && hasSafeZone(placementId) ? <SafeZoneOverlay placementId={placementId} width={output.width} height={output.height} /> : undefined}
      />
      <div className="output-meta">
        <span className="mono">{output.target}</span>
        {output.askedForFal ? (
          <Badge tone="warning" title="This size was set to fal; the local engine made it (the job's log says why).">asked for fal, made locally</Badge>
        ) : (
          <Badge tone={output.provider === 'fal' ? 'accent' : 'neutral'}>{output.provider === 'fal' ? `fal${output.tier ? ` ${output.tier}` : ''}` : 'local'}</Badge>
        )}
        <span className="spacer" />
        <OutputDragHandle jobId={jobId} path={output.path} target={output.target} />
        <IconButton small label={`Open ${output.target}`} tooltip="Open the file" icon={<ExternalLink size={14} aria-hidden />} onClick={onOpen} />
        <IconButton small label={`Show ${output.target} in its folder`} tooltip="Show in folder" icon={<FolderOpen size={14} aria-hidden />} onClick={onReveal} />
      </div>
      <div className="output-preflight">
        <PreflightBadge preflight={output.preflight} target={output.target} />
        {hasSafeZone(placementId) && (
          <button type="button" className="btn btn-small" aria-pressed={showSafeZone} onClick={() => setShowSafeZone((value) => !value)} title="Show what the platform's buttons and captions cover">
            {showSafeZone ? 'Hide safe zone' : 'Show safe zone'}
          </button>
        )}
      </div>
    </li>
  );
}
