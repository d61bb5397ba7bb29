import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  session as electronSession,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { opNames, type Result } from '../../shared/api/contract';
import { invoke } from '../core/handlers';
import { resourcesDir } from '../core/paths';
import { Session } from '../core/session';
import { CSP } from '../server/http';

// A thin shell: every behaviour lives in the core, reached through the same contract as browser mode.
const session = new Session(resourcesDir());

// One app per user: starting it again brings the open window forward instead of a second window on
// the same data file.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  const [open] = BrowserWindow.getAllWindows();
  if (!open) return;
  if (open.isMinimized()) open.restore();
  open.focus();
});

// electron-vite's dev server sets ELECTRON_RENDERER_URL; a packaged app always loads its own file.
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

/**
 * Only the app's own page may reach the data file: not a page the window was somehow led to, nor a
 * frame from elsewhere inside it. The hash is the page's route, so it is ignored.
 */
function fromAppPage(event: IpcMainInvokeEvent): boolean {
  const frameUrl = event.senderFrame?.url;
  if (!frameUrl || !URL.canParse(frameUrl)) return false;
  const url = new URL(frameUrl);
  if (devServer) return url.origin === new URL(devServer).origin;
  url.hash = '';
  url.search = '';
  return url.href === pathToFileURL(rendererFile).href;
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'invalid_input', message: "This request did not come from the app's own window." },
};

for (const op of opNames) {
  ipcMain.handle(`sid:${op}`, (event, input: unknown) =>
    fromAppPage(event) ? invoke(session, op, input) : refused,
  );
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'School Improvement Desk',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app, and no new windows: links to the web open in the user's browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // A form holding unsaved changes stops the window closing; without this Electron would keep it
  // open without a word. Discarding lets it close.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Discard changes', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'Discard your changes?',
      detail: 'What you have changed in a form has not been saved.',
    });
    if (choice === 0) event.preventDefault();
  });
  void (devServer ? window.loadURL(devServer) : window.loadFile(rendererFile));
}

void app.whenReady().then(() => {
  if (!firstInstance) return;
  const { defaultSession } = electronSession;
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // The app needs no camera, notifications or the like: refuse them, and say so when a page asks.
  defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  session.close();
  if (process.platform !== 'darwin') app.quit();
});
