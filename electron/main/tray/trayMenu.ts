import type { MenuItemConstructorOptions } from 'electron';
import type { TrayView } from './trayState';

/** What the tray menu's items do. */
export interface TrayActions {
  pause(): void;
  resume(): void;
  openWindow(): void;
  quit(): void;
}

/** The tray's context menu: the state line, Pause or Resume, Open window, Quit. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: view.headline, enabled: false },
    { type: 'separator' },
    view.paused ? { label: 'Resume', click: () => actions.resume() } : { label: 'Pause', click: () => actions.pause() },
    { label: 'Open window', click: () => actions.openWindow() },
    { type: 'separator' },
    { label: 'Quit Smart Resize', click: () => actions.quit() },
  ];
}
