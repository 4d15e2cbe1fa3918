import { Wallet } from 'lucide-react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** Placeholder until the contract has spend verbs: no numbers are shown that the ledger did not produce. */
export function SpendPage() {
  return (
    <>
      <PageHeader title="Spend" subtitle="What fal has cost, against your budgets." />
      <Card>
        <EmptyState icon={<Wallet size={28} />} title="Spend tracking is coming">
          The ledger, daily and monthly caps and the charts arrive in a later version. Until then, each job’s cost is shown in History,
          and the Drop page estimates a batch before it starts.
        </EmptyState>
      </Card>
    </>
  );
}
