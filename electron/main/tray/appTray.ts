import { Menu, nativeImage, Tray } from 'electron';
import type { JobCounts, QueueState } from '../../shared';
import { trayMenuTemplate, type TrayActions } from './trayMenu';
import { trayState } from './trayState';

/**
 * The tray icon: its menu and tooltip follow the queue. Clicking the icon opens the window (Windows and Linux
 * convention; on macOS a click opens the menu).
 */
export class AppTray {
  private readonly tray: Tray;

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    // On macOS pass the black "…Template.png": the system recolours template images for light and dark menu bars.
    this.tray = new Tray(nativeImage.createFromPath(iconPath));
    this.tray.on('click', () => actions.openWindow());
  }

  /** Shows the queue's state. */
  update(queue: Pick<QueueState, 'state' | 'pauseCause' | 'reason'>, counts: JobCounts): void {
    const view = trayState(queue, counts);
    this.tray.setToolTip(view.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(view, this.actions)));
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
