import { app, dialog, protocol } from 'electron';
import { describeError } from '../domain/errors';
import { applyDataDir } from './appPaths';
import { startDesktopApp } from './lifecycle/startDesktopApp';
import { registerAppScheme } from './protocol/appScheme';

// Before `ready`: the data folder decides where Chromium's profile and the single-instance lock live, and the
// renderer's scheme must be privileged before Chromium starts.
const dataDir = applyDataDir(app);
registerAppScheme(protocol);

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
