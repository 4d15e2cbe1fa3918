import { useCallback, useEffect, useRef, useState } from 'react';

/** A navigation held back by unsaved changes: where the person wanted to go, and the two ways out. */
export interface HeldNavigation {
  /** The hash the person asked for (`#/queue`). */
  readonly target: string;
  /** Goes there after all (changes discarded or saved by the caller first). */
  proceed(): void;
  /** Stays on the page. */
  stay(): void;
}

/**
 * While `active` (a form has unsaved changes), leaving the page is held until the person decides: a click on a link
 * to another page (the sidebar, a banner) is stopped before the browser follows it, and a change of address by other
 * means (Back, Forward) is undone before the app's router sees it; either is reported as `held`. With `guardUnload`
 * (a browser tab), closing or reloading the tab gets the browser's own "Leave site?" prompt. Not in Electron: there
 * a beforeunload veto silently cancels closing the window, and quitting the app from the tray.
 */
export function useLeaveGuard(active: boolean, guardUnload: boolean): HeldNavigation | null {
  const [target, setTarget] = useState<string | null>(null);
  const letThrough = useRef(false);

  useEffect(() => {
    if (!active) return undefined;
    const here = window.location.href;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const hash = link?.getAttribute('href');
      if (!hash || hash === window.location.hash || event.defaultPrevented) return;
      event.preventDefault();
      setTarget(hash);
    };
    // Back and Forward: popstate comes first, then hashchange; both are captured on window, ahead of the router's
    // listener, and the old address is put back at once.
    const onAddressChange = (event: Event) => {
      if (letThrough.current) {
        if (event.type === 'hashchange') letThrough.current = false;
        return;
      }
      if (window.location.href === here) return;
      event.stopImmediatePropagation();
      const wanted = window.location.hash;
      window.history.replaceState(window.history.state, '', here);
      setTarget(wanted);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (Electron) asks only when returnValue is set.
      event.returnValue = '';
    };
    document.addEventListener('click', onClick, { capture: true });
    window.addEventListener('popstate', onAddressChange, { capture: true });
    window.addEventListener('hashchange', onAddressChange, { capture: true });
    if (guardUnload) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('popstate', onAddressChange, { capture: true });
      window.removeEventListener('hashchange', onAddressChange, { capture: true });
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, guardUnload]);

  const stay = useCallback(() => setTarget(null), []);
  const proceed = useCallback(() => {
    if (target === null) return;
    setTarget(null);
    letThrough.current = true;
    window.location.hash = target;
  }, [target]);
  return target === null ? null : { target, proceed, stay };
}
