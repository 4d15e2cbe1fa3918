import { app, dialog } from 'electron';
import { describeError } from '../engine/errors';
import { applyDataDir } from './appPaths';
import { startDesktopApp } from './lifecycle/startDesktopApp';

// Before `ready`: the data folder decides where Chromium's profile and the single-instance lock live.
const dataDir = applyDataDir(app);

// One app per data folder: a second launch (a click on the icon, a file opened with the app) shows the first one's
// window instead (see the 'second-instance' handler) and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(() => startDesktopApp({ dataDir, mainDir: import.meta.dirname }))
    .catch((error: unknown) => {
      dialog.showErrorBox('Smart Resize Desktop could not start', describeError(error));
      app.exit(1);
    });
}
