import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useHost } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** What tells staged files apart in a query key: a File object itself is not a stable key. */
const fileKey = (file: File) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/**
 * The engine's quote of the staged files (host.quoteFiles): what the drop's confirmation asks about and the enqueue
 * holds it to, new images only, so the line under the files says the same numbers as the question.
 */
export function useStagedQuote(profileId: string | undefined, files: readonly File[]) {
  const host = useHost();
  return useQuery({
    queryKey: queryKeys.stagedQuote(profileId ?? '', files.map(fileKey)),
    queryFn: () => host.quoteFiles([...files], profileId!),
    enabled: Boolean(profileId) && files.length > 0,
    placeholderData: keepPreviousData,
  });
}
