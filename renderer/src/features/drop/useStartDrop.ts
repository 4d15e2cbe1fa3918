import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../../../../electron/shared/apiCallError';
import type { DropQuote } from '../../../../electron/shared';
import { useHost } from '../../api/HostProvider';
import type { DropFailure } from '../../api/hostTypes';
import { queryKeys } from '../../api/queryKeys';
import type { PaidDropQuestion } from './ConfirmPaidDrop';

/** What a started drop produced. */
export interface DropOutcome {
  queued: number;
  /** The new jobs, so a review-first batch can be approved as a whole. */
  jobIds: string[];
  reviewFirst: boolean;
  skipped: DropFailure[];
}

/** The drop's files as the host handed them over (paths, uploads in a browser), kept while the person answers. */
interface HandedOver {
  paths: string[];
  failures: DropFailure[];
}

/** Where starting a drop got to: queued, or a question to ask first about what it may cost (nothing queued yet). */
export type DropStep = { kind: 'queued'; outcome: DropOutcome } | { kind: 'ask'; question: PaidDropQuestion; handedOver: HandedOver };

/** A drop to start: the files (or the paths an earlier question kept), its profile and options, and what was confirmed. */
interface DropRequest {
  files: File[];
  /** The paths handed over when the question was asked: an answered question does not upload the files again. */
  handedOver?: HandedOver;
  profileId: string;
  reviewFirst: boolean;
  outputFolder: string;
  /** Settings' threshold as the page has it: null quotes nothing first (the engine still refuses if it changed). */
  askAboveCents: number | null;
  /** The maximum the confirmation showed and the person accepted: the engine refuses paid work above it. */
  confirmedMaxCents?: number;
}

function questionOf(quote: DropQuote, confirmedMaxCents: number | undefined): PaidDropQuestion {
  return {
    images: quote.images,
    alreadyMade: quote.alreadyMade,
    minCents: quote.minCents,
    maxCents: quote.maxCents,
    thresholdCents: quote.confirmAboveCents ?? 0,
    ...(confirmedMaxCents !== undefined && { confirmedBeforeCents: confirmedMaxCents }),
  };
}

/**
 * Hands dropped files to the host (paths from the preload, or uploads to the server's inbox) and queues them with
 * the chosen profile, through the same intake as hot folders. Paid work is quoted first by the engine from the
 * handed-over paths (estimate.paths: new images only, as the enqueue counts them) and asked about above the
 * threshold; when the engine still refuses (the drop grew since, e.g. a folder that got more images), the question
 * is asked again with the engine's new maximum, the files kept.
 */
export function useStartDrop() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ files, handedOver: kept, profileId, reviewFirst, outputFolder, askAboveCents, confirmedMaxCents }: DropRequest): Promise<DropStep> => {
      const handedOver = kept ?? (await host.filesToPaths(files));
      const { paths, failures } = handedOver;
      if (paths.length === 0) return { kind: 'queued', outcome: { queued: 0, jobIds: [], reviewFirst, skipped: failures } };
      const ask = (quote: DropQuote): DropStep => ({ kind: 'ask', question: questionOf(quote, confirmedMaxCents), handedOver });
      if (!reviewFirst && confirmedMaxCents === undefined && askAboveCents !== null) {
        const quote = await host.api.estimate.paths({ paths, profileId });
        if (quote.confirmationRequired) return ask(quote);
      }
      const folder = outputFolder.trim();
      try {
        const result = await host.api.jobs.enqueuePaths({
          paths,
          profileId,
          ...(reviewFirst && { reviewFirst }),
          ...(folder && { outputFolder: folder }),
          ...(confirmedMaxCents !== undefined && { confirmedMaxCents }),
        });
        const skipped = [...failures, ...result.skipped.map((entry) => ({ name: entry.path.split(/[\\/]/).pop() ?? entry.path, message: entry.reason }))];
        return { kind: 'queued', outcome: { queued: result.jobIds.length, jobIds: result.jobIds, reviewFirst, skipped } };
      } catch (error) {
        // Nothing was queued: ask again with what the engine counts now rather than showing its refusal.
        if (error instanceof ApiCallError && error.code === 'confirmation_required') return ask(await host.api.estimate.paths({ paths, profileId }));
        // Refused otherwise (a bad output folder, say): what was handed over is let go, or the next Start would upload
        // it again beside the first copy; the host keeps any file a job already reads.
        await host.releaseHandedOver(paths).catch(() => undefined);
        throw error;
      }
    },
    onSuccess: (step) => {
      if (step.kind === 'queued') void client.invalidateQueries({ queryKey: queryKeys.activeJobs });
    },
  });
}
