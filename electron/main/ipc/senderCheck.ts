import type { WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from '../appUrl';

/** Whether a call may be answered, and why not. */
export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/** What the check needs about where a call came from (the parts of an IpcMainInvokeEvent it reads). */
export interface CallOrigin {
  readonly sender: WebContents;
  readonly senderFrame: WebFrameMain | null;
}

/**
 * A call is answered only when it comes from the top frame of a window this app created, showing the app's own
 * page. An iframe, a page the window was somehow navigated to, or any other web contents gets nothing.
 */
export function checkSender(origin: CallOrigin, owns: (contents: WebContents) => boolean, appUrl: string): SenderVerdict {
  const frame = origin.senderFrame;
  // A frame that navigated or closed while the call was in flight is gone: nothing to trust.
  if (!frame) return { ok: false, reason: 'the calling frame no longer exists' };
  if (!owns(origin.sender)) return { ok: false, reason: 'the caller is not a window of this app' };
  // Compared by frame tree node, not object identity: the main frame is the one node with no parent in its tree.
  if (frame.parent !== null || frame.frameTreeNodeId !== origin.sender.mainFrame.frameTreeNodeId) {
    return { ok: false, reason: 'the caller is a subframe' };
  }
  if (!isAppUrl(frame.url, appUrl)) return { ok: false, reason: `the caller shows ${describeUrl(frame.url)}, not the app` };
  return { ok: true };
}

/** Enough of a URL to identify it in a log line, without query strings that might carry something private. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.slice(0, 200);
  } catch {
    return 'an unreadable URL';
  }
}
