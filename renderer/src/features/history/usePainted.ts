import { useEffect, useState } from 'react';

/**
 * False until the frame showing the component's content (once `ready`) has been painted. Work that can wait, such
 * as starting preview requests, then stays out of the way of the first frame.
 */
export function usePainted(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // A timer set from an animation-frame callback fires once that frame has been painted.
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
