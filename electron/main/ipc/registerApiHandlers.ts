import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatchCall } from '../../engine/api/dispatchCall';
import { ipcChannelFor, VERB_NAMES, type ApiHandlers, type CallResult, type VerbName } from '../../shared';
import { checkSender } from './senderCheck';

/** The error code of a call refused because of where it came from. */
export const FORBIDDEN_SENDER = 'forbidden_sender';

/** Who may call: the windows the app created, showing this page. */
export interface ApiCallers {
  owns(contents: WebContents): boolean;
  readonly appUrl: string;
}

/**
 * Binds every verb of the contract to its IPC channel through one wrapper: the sender is checked first (refusals
 * are logged and answered with an error body), then the contract validates the input, runs the handler and
 * validates the answer. Answers are CallResult bodies, never thrown errors, so messages survive IPC intact.
 * Returns a function that removes the handlers.
 */
export function registerApiHandlers(handlers: ApiHandlers, callers: ApiCallers): () => void {
  const handle = async (verb: VerbName, event: IpcMainInvokeEvent, input: unknown): Promise<CallResult> => {
    const verdict = checkSender(event, (contents) => callers.owns(contents), callers.appUrl);
    if (!verdict.ok) {
      console.warn(`Refused IPC call ${verb}: ${verdict.reason}.`);
      return { ok: false, error: { code: FORBIDDEN_SENDER, message: 'This page may not use the Smart Resize API.' } };
    }
    return dispatchCall(handlers, verb, input);
  };
  for (const verb of VERB_NAMES) {
    const channel = ipcChannelFor(verb);
    // There can be only one handler per channel; a second registration (a reopened app on macOS) replaces the first.
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, (event, input: unknown) => handle(verb, event, input));
  }
  return () => VERB_NAMES.forEach((verb) => ipcMain.removeHandler(ipcChannelFor(verb)));
}
