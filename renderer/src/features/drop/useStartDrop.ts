import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useHost } from '../../api/HostProvider';
import type { DropFailure } from '../../api/hostTypes';
import { queryKeys } from '../../api/queryKeys';

/** What a started drop produced. */
export interface DropOutcome {
  queued: number;
  /** The new jobs, so a review-first batch can be approved as a whole. */
  jobIds: string[];
  reviewFirst: boolean;
  skipped: DropFailure[];
}

/** A drop to start: the files, its profile and options, and the maximum the person confirmed (if asked). */
interface DropRequest {
  files: File[];
  profileId: string;
  reviewFirst: boolean;
  outputFolder: string;
  /** The maximum the confirmation showed and the person accepted: the engine refuses paid work above it. */
  confirmedMaxCents?: number;
}

/**
 * Hands dropped files to the host (paths from the preload, or uploads to the server's inbox) and queues them with
 * the chosen profile, through the same intake as hot folders.
 */
export function useStartDrop() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ files, profileId, reviewFirst, outputFolder, confirmedMaxCents }: DropRequest): Promise<DropOutcome> => {
      const { paths, failures } = await host.filesToPaths(files);
      if (paths.length === 0) return { queued: 0, jobIds: [], reviewFirst, skipped: failures };
      const folder = outputFolder.trim();
      const result = await host.api.jobs.enqueuePaths({
        paths,
        profileId,
        ...(reviewFirst && { reviewFirst }),
        ...(folder && { outputFolder: folder }),
        ...(confirmedMaxCents !== undefined && { confirmedMaxCents }),
      });
      const skipped = [...failures, ...result.skipped.map((entry) => ({ name: entry.path.split(/[\\/]/).pop() ?? entry.path, message: entry.reason }))];
      return { queued: result.jobIds.length, jobIds: result.jobIds, reviewFirst, skipped };
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.activeJobs }),
  });
}
