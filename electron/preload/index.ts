import { contextBridge, ipcRenderer } from 'electron';

// A sandboxed preload cannot load packages, so it carries neither schemas nor its own list of
// operations: main registers a handler only for each operation in the contract and validates every
// input there; an operation outside the contract finds no handler, so its promise is rejected.
contextBridge.exposeInMainWorld('sidBridge', {
  invoke: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(`sid:${op}`, input),
});
