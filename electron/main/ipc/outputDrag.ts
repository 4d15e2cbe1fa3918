import { ipcMain, nativeImage, type IpcMainEvent, type NativeImage, type WebContents } from 'electron';
import { describeError } from '../../domain/errors';
import { recordedOutputPath } from '../../engine/api/recordedOutput';
import { IPC_OUTPUT_DRAG_CHANNEL, OutputRefSchema, type ApiHandlers } from '../../shared';
import type { ApiCallers } from './registerApiHandlers';
import { checkSender } from './senderCheck';

/** The longest side of the picture under the pointer while an output is dragged. */
const DRAG_ICON_SIDE = 96;

/** What the drag needs besides the callers: the job handlers (to check the path) and the app icon (fallback). */
export interface OutputDragDeps {
  readonly jobs: Pick<ApiHandlers['jobs'], 'detail'>;
  readonly iconPath: string;
}

/**
 * The picture shown under the pointer: the output itself, small, where Electron can read it (PNG, JPEG), else the
 * app icon (WebP, AVIF). startDrag needs a non-empty one: macOS refuses a drag without it.
 */
function dragIcon(file: string, iconPath: string): NativeImage {
  const picture = nativeImage.createFromPath(file);
  const image = picture.isEmpty() ? nativeImage.createFromPath(iconPath) : picture;
  const { width, height } = image.getSize();
  if (Math.max(width, height) <= DRAG_ICON_SIDE) return image;
  return width >= height ? image.resize({ width: DRAG_ICON_SIDE }) : image.resize({ height: DRAG_ICON_SIDE });
}

/**
 * Lets the page drag an output out of the window onto another app (a file manager, a mail, a design tool): the
 * page sends the output's job and path from its dragstart, and the main process starts the operating system's
 * file drag with `webContents.startDrag`. Checked like every API call (the sender first, then the message's shape)
 * and answered only for a path the job recorded as an output and that is still on disk: this message is not a way
 * to hand any file to another app. Refusals are logged, never thrown: a one-way message has nobody to answer.
 * Returns a function that removes the listener.
 */
export function registerOutputDrag(deps: OutputDragDeps, callers: ApiCallers): () => void {
  // Reasons are clauses (the sender check's) or sentences (the engine's): one full stop either way.
  const refuse = (reason: string) => console.warn(`Refused an output drag: ${reason.replace(/\.$/, '')}.`);
  const listener = (event: IpcMainEvent, input: unknown): void => {
    const verdict = checkSender(event, (contents) => callers.owns(contents), callers.appUrl);
    if (!verdict.ok) return refuse(verdict.reason);
    const ref = OutputRefSchema.safeParse(input);
    if (!ref.success) return refuse('the message is not a job id and an output path');
    const sender: WebContents = event.sender;
    recordedOutputPath(deps.jobs, ref.data).then(
      (file) => {
        if (!sender.isDestroyed()) sender.startDrag({ file, icon: dragIcon(file, deps.iconPath) });
      },
      (error: unknown) => refuse(describeError(error)),
    );
  };
  ipcMain.on(IPC_OUTPUT_DRAG_CHANNEL, listener);
  return () => void ipcMain.removeListener(IPC_OUTPUT_DRAG_CHANNEL, listener);
}
