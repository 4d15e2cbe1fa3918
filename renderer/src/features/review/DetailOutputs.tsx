import { useState } from 'react';
import type { JobDetail, JobOutput } from '../../../../electron/shared';
import { LargeView } from './LargeView';
import { OutputGrid } from './OutputGrid';
import { useJobViewGeometry } from './useJobView';

/** The detail panel's room: tiles no longer than this. */
const DETAIL_TILE = 340;

/** A job's outputs in the History detail: the job view's tiles (true shape, one scale), each opening large. */
export function DetailOutputs({ job, onReveal, onOpen }: { job: JobDetail; onReveal: (path: string) => void; onOpen: (path: string) => void }) {
  const geometry = useJobViewGeometry(job, DETAIL_TILE, DETAIL_TILE);
  const [large, setLarge] = useState<JobOutput | null>(null);
  const [activeTarget, setActiveTarget] = useState<string | null>(null);
  if (!geometry) return null;
  const largeOutput = large ? (job.outputs.find((output) => output.path === large.path) ?? large) : null;
  return (
    <>
      <OutputGrid
        job={job}
        source={geometry.source}
        scale={geometry.scale}
        maxTile={geometry.maxTile}
        colourOf={geometry.colourOf}
        activeTarget={activeTarget}
        onSelect={setActiveTarget}
        onOpenLarge={setLarge}
        onReveal={onReveal}
        onOpen={onOpen}
      />
      {largeOutput && <LargeView jobId={job.id} output={largeOutput} onClose={() => setLarge(null)} />}
    </>
  );
}
