import type { SpendSummary } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { baseName } from '../../ui/format';
import { BreakdownList } from './BreakdownList';

/** Where the money went: by profile and by watched folder (drops and CLI runs have no folder). */
export function SpendBreakdowns({ summary }: { summary: SpendSummary }) {
  const byProfile = summary.byProfile.map((entry) => ({ key: entry.profileId, label: entry.name, cents: entry.cents }));
  const byFolder = summary.byFolder.map((entry) => ({
    key: entry.folderId ?? 'none',
    label: entry.path ? baseName(entry.path) : 'Dropped files',
    title: entry.path ?? 'Files dropped on the window or run from the command line',
    cents: entry.cents,
  }));
  return (
    <div className="spend-columns">
      <Card title="By profile">
        <BreakdownList label="Spend by profile" items={byProfile} empty="No fal spend in this period." />
      </Card>
      <Card title="By folder">
        <BreakdownList label="Spend by folder" items={byFolder} empty="No fal spend in this period." />
      </Card>
    </div>
  );
}
