import { useState } from 'react';
import type { UserMarks } from '../../../../electron/shared';
import { NO_MARKS } from './marksGeometry';
import { SourceMarksLayer } from './SourceMarksLayer';
import { SourceMarksPanel } from './SourceMarksPanel';
import { useSourceMarks } from './useSourceMarks';

/**
 * The focal point and keep boxes of a job's source, in two parts the job view places: `layer` goes inside its
 * SourceStage (drawn on the source), `panel` under it (edit, save, price of a fal re-run).
 */
export function useSourceMarksEditor(jobId: string) {
  const { marks, save, rerunFal } = useSourceMarks(jobId);
  const [draft, setDraft] = useState<UserMarks | null>(null);
  const saved = marks.data?.marks ?? NO_MARKS;
  const layer = <SourceMarksLayer marks={draft ?? saved} editing={draft !== null} onChange={setDraft} />;
  const panel = (
    <SourceMarksPanel
      saved={saved}
      draft={draft}
      onEdit={(next) => {
        save.reset();
        setDraft(next);
      }}
      onSave={(next) => save.mutate(next, { onSuccess: () => setDraft(null) })}
      saving={save.isPending}
      error={marks.error ?? save.error}
      result={save.data}
      falRerun={{ run: () => rerunFal.mutate(), pending: rerunFal.isPending, error: rerunFal.error, done: rerunFal.data }}
    />
  );
  return { layer, panel };
}
