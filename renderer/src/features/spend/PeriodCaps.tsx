import type { SpendSummary } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { CapMeter } from './CapMeter';

/** Today, this week and this month against their caps, with the way to change them. */
export function PeriodCaps({ summary }: { summary: SpendSummary }) {
  return (
    <Card title="Against your caps" actions={<a href="#/settings" className="small">Change caps</a>}>
      <div className="cap-meters">
        <CapMeter label="Today" period={summary.today} />
        <CapMeter label="This week" period={summary.week} />
        <CapMeter label="This month" period={summary.month} />
      </div>
    </Card>
  );
}
