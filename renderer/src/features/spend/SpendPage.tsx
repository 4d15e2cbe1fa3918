import { Wallet } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { ExportCsvButton } from './ExportCsvButton';
import { MostExpensiveJobs } from './MostExpensiveJobs';
import { PeriodCaps } from './PeriodCaps';
import { SpendBreakdowns } from './SpendBreakdowns';
import { SpendByDayChart } from './SpendByDayChart';
import { fillDays, localDayKey } from './spendDays';
import { MayBeBilledNote, SavingsNote } from './SpendNotes';
import { SPEND_RANGES, spendRange, type SpendRangeId } from './spendRange';
import { SpendRangeSelect } from './SpendRangeSelect';
import { SpendStats } from './SpendStats';
import { PreflightCounts } from '../preflight/PreflightCounts';
import { useSpendSummary } from './useSpend';

/** What fal has cost, from the ledger: against the caps, by day, profile and folder, and the costliest jobs. */
export function SpendPage() {
  const [rangeId, setRangeId] = useState<SpendRangeId>('30d');
  const range = useMemo(() => spendRange(rangeId), [rangeId]);
  const summary = useSpendSummary(range);
  const data = summary.data;
  const today = localDayKey(Date.now());
  const days = useMemo(() => data && fillDays(data.byDay, range.since === undefined ? today : localDayKey(range.since), today), [data, range, today]);
  const rangeLabel = SPEND_RANGES.find((candidate) => candidate.id === rangeId)!.label.toLowerCase();
  const nothingYet = data && data.totalCents === 0 && data.mayBeBilledCents === 0 && data.savingsCents === 0;

  return (
    <>
      <PageHeader
        title="Spend"
        subtitle="What fal has cost, priced from what fal reported, against your budgets."
        actions={
          <>
            <SpendRangeSelect value={rangeId} onChange={setRangeId} />
            <ExportCsvButton range={range} />
          </>
        }
      />
      <ErrorNote error={summary.error} />
      {data && days && (
        <>
          <PeriodCaps summary={data} />
          <SpendStats summary={data} rangeLabel={rangeLabel} />
          <PreflightCounts counts={data.preflight} className="muted" />
          <SavingsNote cents={data.savingsCents} />
          <MayBeBilledNote cents={data.mayBeBilledCents} />
          {nothingYet ? (
            <Card>
              <EmptyState icon={<Wallet size={28} />} title="Nothing spent at fal in this period">
                Sizes made by the free local engine cost nothing. Jobs sent to fal appear here once their results arrive.
              </EmptyState>
            </Card>
          ) : (
            <>
              <Card title="By day">
                <SpendByDayChart days={days} />
              </Card>
              <SpendBreakdowns summary={data} />
              <MostExpensiveJobs jobs={data.mostExpensive} />
            </>
          )}
        </>
      )}
    </>
  );
}
