import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/HostProvider';
import { queryKeys } from '../api/queryKeys';
import { queueThumbnail } from './thumbnailQueue';

/**
 * A preview of a file on the host, made by the host (`media.thumbnail`). Until it arrives (or when there is none)
 * the box shows a placeholder drawn by CSS alone, which long lists can afford for every row.
 */
export function Thumbnail({ path, maxSide = 128, className, alt }: { path: string; maxSide?: number; className?: string; alt: string }) {
  const api = useApi();
  const { data, isError } = useQuery({
    queryKey: queryKeys.thumbnail(path, maxSide),
    queryFn: ({ signal }) => queueThumbnail(() => api.media.thumbnail({ path, maxSide }), signal, maxSide),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
  if (!data) return <div className={`thumb thumb-placeholder ${className ?? ''}`} title={isError ? 'No preview' : undefined} />;
  return <img className={`thumb ${className ?? ''}`} src={data.dataUrl} alt={alt} draggable={false} />;
}
