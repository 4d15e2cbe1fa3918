import { ArrowLeft } from 'lucide-react';
import { ZipDownloadLink } from '../filesOut/ZipDownloadLink';
import { ApprovalPanel } from '../approval/ApprovalPanel';
import { useMemo, useState } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { JobStateBadge } from '../../ui/JobStateBadge';
import { PageHeader } from '../../ui/PageHeader';
import { useHashParam } from '../../shell/useHashParams';
import { useJobActions, useJobDetail } from '../history/useJobHistory';
import { useSourceMarksEditor } from '../marks/useSourceMarksEditor';
import { useProfiles } from '../profiles/useProfiles';
import { FalRerun } from './FalRerun';
import { FrameLegend } from './FrameLegend';
import { LargeView } from './LargeView';
import { MethodSwitch } from './MethodSwitch';
import { VariantPicker } from './VariantPicker';
import { OutputGrid } from './OutputGrid';
import { SourceFrames } from './SourceFrames';
import { SourceStage } from './SourceStage';
import { useJobViewGeometry } from './useJobView';
import { useOutputFixes } from './useOutputFixes';
import { VersionList } from './VersionList';
import { profileLabel } from '../profiles/profileLabel';

/** Longest side the source is drawn at, and the longest a tile may be (both in screen pixels). */
const SOURCE_BOX = 420;
const MAX_TILE = 520;

/**
 * One job's outputs at a glance: the source with each size's frame on it, beside every output at its true shape and
 * the same scale of the source. Clicking an output opens it large, at 1:1 and against the same region of the source.
 */
export function JobViewPage() {
  const id = useHashParam('id');
  if (!id) {
    return (
      <>
        <PageHeader title="Job" />
        <EmptyState icon={<ArrowLeft size={28} />} title="No job chosen">Open a job from History.</EmptyState>
      </>
    );
  }
  return <JobView id={id} />;
}

function JobView({ id }: { id: string }) {
  const { data: job, error } = useJobDetail(id);
  const { reveal, open } = useJobActions();
  const profiles = useProfiles();
  const geometry = useJobViewGeometry(job, SOURCE_BOX, MAX_TILE);
  const [activeTarget, setActiveTarget] = useState<string | null>(null);
  const [large, setLarge] = useState<JobOutput | null>(null);
  const fixes = useOutputFixes(id);
  const busy = fixes.nudge.isPending || fixes.restore.isPending || fixes.switchMethod.isPending;
  const marks = useSourceMarksEditor(id);
  const found = profiles.data?.find((profile) => profile.id === job?.profileId);
  const profileName = found ? profileLabel(found) : 'Deleted profile';
  const frames = useMemo(() => (job && geometry ? job.outputs.map((output) => ({ output, colour: geometry.colourOf(output) })) : []), [job, geometry]);
  const largeOutput = large && job ? (job.outputs.find((output) => output.path === large.path) ?? large) : null;
  return (
    <>
      <PageHeader
        title={job?.sourceName ?? 'Job'}
        subtitle={job ? `${profileName} · ${job.outputs.length} output${job.outputs.length === 1 ? '' : 's'}` : undefined}
        actions={
          <>
            {job && job.outputs.length > 0 && <ZipDownloadLink selection={{ jobIds: [job.id] }} what="this job's outputs, sizes as folders" />}
            <a className="btn" href="#/history">
              <ArrowLeft size={16} aria-hidden /> History
            </a>
          </>
        }
      />
      <ErrorNote error={error ?? reveal.error ?? open.error ?? fixes.nudge.error ?? fixes.restore.error ?? fixes.switchMethod.error} />
      {job && geometry && (
        <div className="job-view">
          <section className="job-source" aria-label="Source">
            <div className="section-row">
              <h2>Source</h2>
              <JobStateBadge state={job.state} />
            </div>
            <SourceStage sourcePath={job.sourcePath} source={geometry.source} scale={geometry.scale}>
              <SourceFrames frames={frames} activeTarget={activeTarget} onSelect={setActiveTarget} busy={busy} onNudge={(output, window) => fixes.nudge.mutate({ path: output.path, window })} />
              {marks.layer}
            </SourceStage>
            <FrameLegend frames={frames} activeTarget={activeTarget} onSelect={setActiveTarget} />
            {marks.panel}
            <p className="muted small">
              {geometry.source.width}×{geometry.source.height} px. Each frame is the part of the source a size shows; fal recomposes its sizes, so they have none.
              Drag the highlighted frame to move that size’s crop: the local engine makes it again at once, free, and keeps the earlier version.
            </p>
            {busy && <p className="muted small nudge-status" role="status">Making the size again…</p>}
          </section>
          <section className="job-outputs" aria-label="Outputs">
            <h2>Outputs</h2>
            <ApprovalPanel jobId={job.id} jobState={job.state} />
            <OutputGrid
              job={job}
              source={geometry.source}
              scale={geometry.scale}
              maxTile={geometry.maxTile}
              colourOf={geometry.colourOf}
              activeTarget={activeTarget}
              onSelect={setActiveTarget}
              onOpenLarge={setLarge}
              onReveal={(path) => reveal.mutate(path)}
              onOpen={(path) => open.mutate(path)}
            />
          </section>
        </div>
      )}
      {largeOutput && job && (
        <LargeView
          jobId={job.id}
          output={largeOutput}
          onClose={() => setLarge(null)}
          below={<VariantPicker jobId={job.id} output={largeOutput} busy={busy} />}
          side={
            <>
              <MethodSwitch output={largeOutput} busy={busy} error={fixes.switchMethod.error} onSwitch={(choice) => fixes.switchMethod.mutate({ path: largeOutput.path, ...choice })} />
              <FalRerun jobId={job.id} output={largeOutput} busy={busy} />
              <VersionList
                versions={(fixes.versions.data?.versions ?? []).filter((version) => version.target === largeOutput.target)}
                busy={busy}
                onRestore={(version) => fixes.restore.mutate({ path: largeOutput.path, version })}
              />
            </>
          }
        />
      )}
    </>
  );
}
