import { Download } from 'lucide-react';
import { ErrorNote } from '../../ui/ErrorNote';
import { saveTextFile } from './saveTextFile';
import type { SpendRange } from './spendRange';
import { useExportCsv } from './useSpend';

/** Downloads the ledger rows of the range as a CSV file. */
export function ExportCsvButton({ range }: { range: SpendRange }) {
  const exportCsv = useExportCsv();
  return (
    <div className="export-csv">
      <button
        type="button"
        className="btn"
        disabled={exportCsv.isPending}
        onClick={() => exportCsv.mutate(range, { onSuccess: ({ fileName, csv }) => saveTextFile(fileName, csv, 'text/csv;charset=utf-8') })}
      >
        <Download size={16} /> {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
      </button>
      <ErrorNote error={exportCsv.error} prefix="Export failed:" />
    </div>
  );
}
