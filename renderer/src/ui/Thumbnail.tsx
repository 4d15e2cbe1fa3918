import { useQuery } from '@tanstack/react-query';
import { ImageIcon } from 'lucide-react';
import { useApi } from '../api/HostProvider';
import { queryKeys } from '../api/queryKeys';
import { queueThumbnail } from './thumbnailQueue';

/**
 * A preview of a file on the host, made by the host (`media.thumbnail`). `enabled: false` defers loading, e.g.
 * while a long list is being scrolled.
 */
export function Thumbnail({ path, maxSide = 128, className, alt, enabled = true }: { path: string; maxSide?: number; className?: string; alt: string; enabled?: boolean }) {
  const api = useApi();
  const { data, isError } = useQuery({
    queryKey: queryKeys.thumbnail(path, maxSide),
    queryFn: ({ signal }) => queueThumbnail(() => api.media.thumbnail({ path, maxSide }), signal, maxSide),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    enabled,
  });
  if (!data) {
    return (
      <div className={`thumb thumb-placeholder ${className ?? ''}`} title={isError ? 'No preview' : undefined}>
        <ImageIcon size={18} aria-hidden />
      </div>
    );
  }
  return <img className={`thumb ${className ?? ''}`} src={data.dataUrl} alt={alt} draggable={false} />;
}
