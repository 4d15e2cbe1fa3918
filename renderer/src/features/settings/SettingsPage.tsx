import { FolderOpen, HardDrive } from 'lucide-react';
import { useApi } from '../../api/HostProvider';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { BudgetCard } from './BudgetCard';
import { FalKeyCard } from './FalKeyCard';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { StoreCard } from './StoreCard';
import { useSettings } from './useSettings';

/** The fal key, processing settings, the budget, where the app keeps its data and which job store it uses. */
export function SettingsPage() {
  const api = useApi();
  const { settings } = useSettings();
  return (
    <>
      <PageHeader title="Settings" />
      <ErrorNote error={settings.error} />
      <div className="settings-grid">
        <FalKeyCard />
        {settings.data && (
          <Card title={<span className="inline-icon"><HardDrive size={18} /> Data folder</span>}>
            <p className="muted small">Settings, profiles, the job history and the inbox for uploads live here. Choose another with --data or SMART_RESIZE_DATA.</p>
            <div className="input-with-button">
              <input className="mono" readOnly value={settings.data.dataFolder} aria-label="Data folder" />
              <button type="button" className="btn" onClick={() => void api.shell.openPath({ path: settings.data!.dataFolder })}>
                <FolderOpen size={16} /> Open
              </button>
            </div>
          </Card>
        )}
        <StoreCard />
      </div>
      {settings.data && <GeneralSettingsForm settings={settings.data} />}
      <BudgetCard />
    </>
  );
}
