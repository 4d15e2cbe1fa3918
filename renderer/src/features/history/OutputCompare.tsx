import { ExternalLink, FolderOpen } from 'lucide-react';
import type { JobOutput } from '../../../../electron/shared';
import { Badge } from '../../ui/Badge';
import { BeforeAfterSlider } from './BeforeAfterSlider';

/** One output: its before/after comparison, who made it, and buttons to show it on disk. */
export function OutputCompare({ sourcePath, output, onReveal, onOpen }: { sourcePath: string; output: JobOutput; onReveal: () => void; onOpen: () => void }) {
  return (
    <li className="output">
      <BeforeAfterSlider sourcePath={sourcePath} outputPath={output.path} width={output.width} height={output.height} />
      <div className="output-meta">
        <span className="mono">{output.target}</span>
        {output.askedForFal ? (
          <Badge tone="warning" title="This size was set to fal; the local engine made it (the job's log says why).">asked for fal, made locally</Badge>
        ) : (
          <Badge tone={output.provider === 'fal' ? 'accent' : 'neutral'}>{output.provider === 'fal' ? `fal${output.tier ? ` ${output.tier}` : ''}` : 'local'}</Badge>
        )}
        <span className="spacer" />
        <button type="button" className="btn btn-icon btn-small" onClick={onOpen} aria-label={`Open ${output.target}`} title="Open"><ExternalLink size={14} /></button>
        <button type="button" className="btn btn-icon btn-small" onClick={onReveal} aria-label={`Reveal ${output.target}`} title="Show in folder"><FolderOpen size={14} /></button>
      </div>
    </li>
  );
}
