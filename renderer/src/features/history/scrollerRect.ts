import type { Virtualizer } from '@tanstack/react-virtual';

/**
 * The scroller's size for the virtualiser, from a ResizeObserver only. The library's default also reads the size
 * when the list mounts, which forces the browser to lay out the whole page in the middle of the first render; the
 * observer's first report comes right after the layout the browser does anyway, before that frame is painted.
 */
export function observeScrollerRect(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: { width: number; height: number }) => void): () => void {
  const element = instance.scrollElement;
  if (!element) return () => undefined;
  const observer = new ResizeObserver(([entry]) => {
    if (entry) onRect({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}
