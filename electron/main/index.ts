import { app, BrowserWindow, ipcMain, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { opNames } from '../../shared/api/contract';
import { invoke } from '../core/handlers';
import { resourcesDir } from '../core/paths';
import { Session } from '../core/session';
import { CSP } from '../server/http';

// A thin shell: every behaviour lives in the core, reached through the same contract as browser mode.
const session = new Session(resourcesDir());

for (const op of opNames) {
  ipcMain.handle(`sid:${op}`, (_event, input: unknown) => invoke(session, op, input));
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
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

void app.whenReady().then(() => {
  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  session.close();
  if (process.platform !== 'darwin') app.quit();
});
