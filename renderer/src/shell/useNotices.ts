import { useEffect, useState } from 'react';
import type { Notice } from '../../../electron/shared';
import { useHost } from '../api/HostProvider';

/** A notice on screen, with an id for dismissing it. */
export interface ShownNotice extends Notice {
  readonly id: number;
}

/** At most this many at once: a burst of unreadable files must not bury the page. */
const MAX_SHOWN_NOTICES = 4;
/** Info and warnings leave by themselves after this long; errors stay until dismissed. */
const AUTO_DISMISS_MS = 15_000;

/**
 * The host's `notice` events as a short list for the toasts: the newest first, the same message shown once, older
 * ones pushed out beyond MAX_SHOWN_NOTICES.
 */
export function useNotices(): { notices: ShownNotice[]; dismiss: (id: number) => void } {
  const host = useHost();
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  useEffect(() => {
    let nextId = 1;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const stop = host.api.onEvent((event) => {
      if (event.type !== 'notice') return;
      const shown = { ...event.notice, id: nextId++ };
      setNotices((current) => [shown, ...current.filter((notice) => notice.message !== shown.message)].slice(0, MAX_SHOWN_NOTICES));
      if (shown.level === 'error') return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        setNotices((current) => current.filter((notice) => notice.id !== shown.id));
      }, AUTO_DISMISS_MS);
      timers.add(timer);
    });
    return () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [host]);
  const dismiss = (id: number) => setNotices((current) => current.filter((notice) => notice.id !== id));
  return { notices, dismiss };
}
