import { contextBridge, ipcRenderer } from 'electron';

// A sandboxed preload cannot load packages, so it carries no schemas: main registers a handler only
// for each operation in the contract and validates every input there.
contextBridge.exposeInMainWorld('sidBridge', {
  invoke: (op: string, input: unknown): Promise<unknown> => {
    if (!/^[a-z]+\.[a-zA-Z]+$/.test(op)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid_input', message: `Unknown operation "${op}".` },
      });
    }
    return ipcRenderer.invoke(`sid:${op}`, input);
  },
});
