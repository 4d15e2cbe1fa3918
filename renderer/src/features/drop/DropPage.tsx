import { Play } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { DropFailure } from '../../api/hostTypes';
import { useHost } from '../../api/HostProvider';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { useProfiles } from '../profiles/useProfiles';
import { ConfirmPaidDrop } from './ConfirmPaidDrop';
import { DropOptions, type DropChoices } from './DropOptions';
import { DropResult } from './DropResult';
import { useSettings } from '../settings/useSettings';
import { DropZone } from './DropZone';
import { EstimateLine, StagedQuoteLine } from './EstimateLine';
import { ProfileSummary } from './ProfileSummary';
import { RefusedFiles } from './RefusedFiles';
import { checkDroppedFiles } from './stagedFileChecks';
import { StagedFiles } from './StagedFiles';
import { useEstimate } from './useEstimate';
import { useStagedQuote } from './useStagedQuote';
import { useStartDrop, type DropStep } from './useStartDrop';
import { profileLabel } from '../profiles/profileLabel';

/** Drop images, see what they will become and cost, then start. */
export function DropPage() {
  const host = useHost();
  const profiles = useProfiles();
  const [profileId, setProfileId] = useState<string | undefined>(undefined);
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<DropFailure[]>([]);
  const profile = profiles.data?.find((candidate) => candidate.id === profileId) ?? profiles.data?.[0];
  // Per image while nothing is staged; staged files are quoted by the engine as the drop will be (new images only).
  const estimate = useEstimate(profile?.id, 1);
  const stagedQuote = useStagedQuote(profile?.id, files);
  const start = useStartDrop();
  const settings = useSettings();
  const [choices, setChoices] = useState<DropChoices>({ reviewFirst: false, outputFolder: '' });
  // The engine's quote being asked about, with the files as handed over (they stay staged until queued).
  const [asking, setAsking] = useState<Extract<DropStep, { kind: 'ask' }> | null>(null);
  const question = asking?.question ?? null;
  // A question dropped without sending lets go of what was handed over for it (a browser's uploads leave the inbox):
  // cancelled, or no longer holding because the staged files changed, or the page left.
  const dismiss = () => {
    if (asking) void host.releaseHandedOver(asking.handedOver.paths).catch(() => undefined);
    setAsking(null);
  };
  const askingNow = useRef<typeof asking>(null);
  useEffect(() => {
    askingNow.current = asking;
  }, [asking]);
  useEffect(
    () => () => {
      const left = askingNow.current;
      if (left) void host.releaseHandedOver(left.handedOver.paths).catch(() => undefined);
    },
    [host],
  );
  // Paid work above the person's threshold is quoted by the engine from the drop's paths and asked about first (the
  // engine refuses it unconfirmed); review first sends nothing before approval, so it never asks.
  // `confirmedMaxCents`: what the person saw and accepted.
  const send = (reviewFirst: boolean, confirmedMaxCents?: number) => {
    const handedOver = asking?.handedOver;
    setAsking(null);
    if (!profile) return;
    const askAboveCents = settings.settings.data?.confirmAboveCents ?? null;
    start.mutate(
      { files, ...(handedOver && { handedOver }), profileId: profile.id, reviewFirst, outputFolder: choices.outputFolder, askAboveCents, confirmedMaxCents },
      { onSuccess: (step) => (step.kind === 'ask' ? setAsking(step) : setFiles([])) },
    );
  };
  const outcome = start.data?.kind === 'queued' ? start.data.outcome : undefined;

  const hint = host.kind === 'browser' ? 'or click to choose files — they are uploaded to the app’s inbox folder' : 'or click to choose files and folders';
  return (
    <>
      <PageHeader title="Drop images" subtitle="Resize a batch right now with one of your profiles." />
      <ErrorNote error={profiles.error} />
      <div className="drop-layout">
        <DropZone
          hint={hint}
          onFiles={(added) => {
            const checked = checkDroppedFiles(added);
            // A question asked about other files no longer holds.
            dismiss();
            setFiles((current) => [...current, ...checked.staged]);
            setRefused(checked.refused);
          }}
        />
        <Card title="Resize with" className="drop-side">
          <Field label="Profile">
            <select value={profile?.id ?? ''} onChange={(event) => setProfileId(event.target.value)}>
              {profiles.data?.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {profileLabel(candidate)}
                </option>
              ))}
            </select>
          </Field>
          {profile && <ProfileSummary profile={profile} localOnly={Boolean(estimate.data?.localOnly)} />}
          {files.length > 0 ? <StagedQuoteLine quote={stagedQuote.data} /> : <EstimateLine estimate={estimate.data} staged={0} />}
          <ErrorNote error={files.length > 0 ? stagedQuote.error : estimate.error} />
          <RefusedFiles refused={refused} onDismiss={() => setRefused([])} />
          <DropOptions choices={choices} onChange={setChoices} browser={host.kind === 'browser'} />
          {files.length > 0 && <StagedFiles files={files} onRemove={(index) => (dismiss(), setFiles((current) => current.filter((_, i) => i !== index)))} />}
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={!profile || files.length === 0 || start.isPending || question !== null}
            onClick={() => send(choices.reviewFirst)}
          >
            <Play size={16} />
            {start.isPending ? 'Sending…' : files.length > 0 ? `${choices.reviewFirst ? 'Preview' : 'Start'} ${files.length} image${files.length === 1 ? '' : 's'}` : 'Drop images to start'}
          </button>
          {question && <ConfirmPaidDrop question={question} onSend={() => send(false, question.maxCents)} onReviewFirst={() => send(true)} onCancel={dismiss} />}
          <ErrorNote error={start.error} />
          {outcome && <DropResult outcome={outcome} />}
        </Card>
      </div>
    </>
  );
}
