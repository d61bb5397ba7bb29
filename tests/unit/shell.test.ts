import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { opNames, type Result } from '../../shared/api/contract';
import { CSP } from '../../electron/server/http';

/**
 * The Electron shell without the Electron binary: `electron` is replaced by fakes that record what
 * main and preload ask of it, so the bridge and the window's locks are checked on every machine,
 * not only where the binary can be installed.
 */
type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeWindow {
    static all: FakeWindow[] = [];
    static getAllWindows = () => FakeWindow.all;
    readonly events = new Map<string, Listener>();
    openHandler: Listener | undefined;
    readonly webContents = {
      on: (name: string, listener: Listener) => this.events.set(name, listener),
      setWindowOpenHandler: (handler: Listener) => (this.openHandler = handler),
    };
    readonly loadFile = vi.fn(() => Promise.resolve());
    readonly loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      FakeWindow.all.push(this);
    }
    once() {}
    show() {}
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    isMinimized() {
      return true;
    }
  }
  const session = {
    headersListener: undefined as Listener | undefined,
    requestHandler: undefined as Listener | undefined,
    checkHandler: undefined as Listener | undefined,
  };
  return {
    FakeWindow,
    session,
    handlers: new Map<string, Listener>(),
    ipcMainOn: vi.fn(),
    openExternal: vi.fn(() => Promise.resolve()),
    showMessageBoxSync: vi.fn((_window: unknown, _options: unknown) => 1),
    appOn: vi.fn((_name: string, _listener: Listener) => undefined),
    exposed: new Map<string, unknown>(),
    rendererInvoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ channel, input })),
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    on: fake.appOn,
    quit: vi.fn(),
  },
  BrowserWindow: fake.FakeWindow,
  ipcMain: {
    handle: (channel: string, handler: Listener) => fake.handlers.set(channel, handler),
    on: fake.ipcMainOn,
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (listener: Listener) => (fake.session.headersListener = listener) },
      setPermissionRequestHandler: (handler: Listener) => (fake.session.requestHandler = handler),
      setPermissionCheckHandler: (handler: Listener) => (fake.session.checkHandler = handler),
    },
  },
  shell: { openExternal: fake.openExternal },
  dialog: { showMessageBoxSync: fake.showMessageBoxSync },
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => fake.exposed.set(name, api) },
  ipcRenderer: { invoke: fake.rendererInvoke },
}));

const home = mkdtempSync(join(tmpdir(), 'sid-shell-'));

/** Loads main and preload as Electron would, then waits for `app.whenReady()` to open the window. */
async function loadShell(devServer?: string) {
  fake.FakeWindow.all = [];
  fake.handlers.clear();
  fake.exposed.clear();
  vi.resetModules();
  if (devServer) process.env.ELECTRON_RENDERER_URL = devServer;
  else delete process.env.ELECTRON_RENDERER_URL;
  await import('../../electron/main/index');
  await import('../../electron/preload/index');
  await vi.waitFor(() => expect(fake.FakeWindow.all).toHaveLength(1));
  return fake.FakeWindow.all[0]!;
}

function send(frameUrl: string | null, op: string, input: unknown): Promise<Result<unknown>> {
  const handler = fake.handlers.get(`sid:${op}`);
  if (!handler) throw new Error(`No handler for ${op}`);
  const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
  return Promise.resolve(handler(event, input) as Result<unknown>);
}

describe('the Electron shell, run against fakes of Electron', () => {
  let window: InstanceType<typeof fake.FakeWindow>;
  let appPage: string;

  beforeAll(async () => {
    process.env.SID_HOME = home;
    process.env.SID_USER = 'shell.tester';
    window = await loadShell();
    const loaded = window.loadFile.mock.calls[0] as unknown as [string];
    appPage = pathToFileURL(loaded[0]).href;
  });

  it('registers one handler for each operation in the contract, and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(opNames.map((op) => `sid:${op}`).sort());
    expect(fake.ipcMainOn).not.toHaveBeenCalled();
  });

  it('passes every operation from the app page through to the core', async () => {
    const state = await send(`${appPage}#/schools`, 'app.state', {});
    expect(state).toMatchObject({ ok: true, value: { file: null, user: 'shell.tester', dataDir: home } });

    // With no file open, each operation either answers, finds no file, or has its input checked by
    // the contract: any of these means the core received it.
    for (const op of opNames) {
      const result = await send(appPage, op, {});
      if (result.ok) continue;
      expect(result.error.code, op).toMatch(/^(no_file|invalid_input)$/);
      // The contract's check names each field in plain words, never the operation or a schema path.
      if (result.error.code === 'invalid_input') {
        expect(Object.keys(result.error.fields ?? {}).length, op).toBeGreaterThan(0);
        expect(result.error.message, op).not.toContain(op);
        expect(result.error.message, op).not.toMatch(/draft\.|Invalid input/);
      }
    }
  });

  it('refuses a message from any page but the app', async () => {
    for (const frameUrl of ['https://evil.example/', 'file:///tmp/other.html', 'not a url', null]) {
      const result = await send(frameUrl, 'app.create', { path: 'planted', demo: false });
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: "This request did not come from the app's own window." },
      });
    }
    expect(existsSync(join(home, 'planted.sid'))).toBe(false);
  });

  it('exposes one invoke to the page that forwards every operation, the SEF grid included', async () => {
    expect([...fake.exposed.keys()]).toEqual(['sidBridge']);
    const bridge = fake.exposed.get('sidBridge') as { invoke(op: string, input: unknown): Promise<unknown> };
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(opNames).toEqual(expect.arrayContaining(['sefGrid.preview', 'sefGrid.apply', 'sefGrid.export']));

    for (const op of opNames) {
      const input = { for: op };
      await expect(bridge.invoke(op, input)).resolves.toEqual({ channel: `sid:${op}`, input });
    }
    expect(fake.rendererInvoke).toHaveBeenCalledTimes(opNames.length);
  });

  it('opens an isolated, sandboxed window with the preload and no Node', () => {
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('keeps the window on the app: no navigation, no redirects, no new windows', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      window.events.get(name)?.(event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }

    for (const url of [
      'https://gov.example/',
      'http://gov.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ])
      expect(window.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    // A secure web link still opens in the user's own browser; nothing else leaves the app.
    expect(fake.openExternal.mock.calls).toEqual([['https://gov.example/']]);
  });

  it('asks before a window with unsaved changes closes, and closes only when told to discard them', () => {
    const unload = window.events.get('will-prevent-unload');
    expect(unload).toBeDefined();
    const keep = { preventDefault: vi.fn() };
    fake.showMessageBoxSync.mockReturnValueOnce(1);
    unload!(keep);
    expect(keep.preventDefault).not.toHaveBeenCalled();
    const discard = { preventDefault: vi.fn() };
    fake.showMessageBoxSync.mockReturnValueOnce(0);
    unload!(discard);
    expect(discard.preventDefault).toHaveBeenCalled();
    expect(fake.showMessageBoxSync.mock.calls[0]?.[1]).toMatchObject({ message: 'Discard your changes?' });
  });

  it('is packaged with the fuses that stop it being run as Node or loading other code', () => {
    const config = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    const fuses = config.slice(config.indexOf('electronFuses:'));
    for (const [fuse, value] of Object.entries({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    }))
      expect(fuses, fuse).toMatch(new RegExp(`\\n\\s+${fuse}: ${value}\\n`));
  });

  it('keeps to one app per user: a second start brings the open window forward', () => {
    const secondInstance = fake.appOn.mock.calls.find(([name]) => name === 'second-instance')?.[1] as
      (() => void) | undefined;
    expect(secondInstance).toBeDefined();
    secondInstance!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('refuses permissions and sends the content security policy with every response', () => {
    const granted = vi.fn();
    fake.session.requestHandler?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.session.checkHandler?.({}, 'notifications', 'file://', {})).toBe(false);

    const respond = vi.fn();
    fake.session.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] },
    });
  });

  it('under the dev server, loads its page and answers only that origin', async () => {
    const devWindow = await loadShell('http://localhost:5173');
    expect(devWindow.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(devWindow.loadFile).not.toHaveBeenCalled();

    expect(await send('http://localhost:5173/#/monitoring', 'app.state', {})).toMatchObject({ ok: true });
    expect(await send(appPage, 'app.state', {})).toMatchObject({ ok: false });
    expect(await send('http://localhost:5174/', 'app.state', {})).toMatchObject({ ok: false });
    delete process.env.ELECTRON_RENDERER_URL;
  });
});
