/**
 * A stand-in for the `electron` module, recording what the built main process and preload ask of it.
 * The real binary cannot be downloaded here; these doubles let the shell's own code run unchanged.
 */
import Module from 'node:module';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of every shape are recorded and called back by tests
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** An Electron-style event: handlers call preventDefault to refuse. */
export const fakeEvent = (): { defaultPrevented: boolean; preventDefault(): void } => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

let nextContentsId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

export class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('', null, 1, this.id);
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export function createFakeElectron() {
  const state = {
    sandboxEnabled: false,
    quitCalls: 0,
    exitCodes: [] as number[],
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    beforeRequest: null as Listener | null,
    headersReceived: null as Listener | null,
    openedPaths: [] as string[],
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    rendererListeners: new Emitter(),
    /** What protocol.registerSchemesAsPrivileged was given, and whether the app was ready by then. */
    privilegedSchemes: [] as unknown[],
    schemesRegisteredBeforeReady: null as boolean | null,
    /** session.defaultSession.protocol.handle(scheme, handler) */
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ready: false,
  };
  const app = new (class extends Emitter {
    /** Set to true before loading the main process to play a packaged build. */
    isPackaged = false;
    enableSandbox() {
      state.sandboxEnabled = true;
    }
    requestSingleInstanceLock() {
      return true;
    }
    whenReady() {
      return Promise.resolve().then(() => void (state.ready = true));
    }
    quit() {
      state.quitCalls++;
    }
    exit(code: number) {
      state.exitCodes.push(code);
    }
    getVersion() {
      return '0.0.0-fake';
    }
    getLocale() {
      return 'ko-KR';
    }
  })();

  class FakeWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedFile: string | null = null;
    shown = false;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded BrowserWindow options are inspected freely
    constructor(readonly options: Record<string, any>) {
      super();
      state.windows.push(this);
    }
    loadedUrl: string | null = null;
    loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    restore() {}
  }

  const ipcMain = {
    handle(channel: string, handler: Listener) {
      if (state.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      state.handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      state.handlers.delete(channel);
    },
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => void (state.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: Listener) => void (state.permissionCheckHandler = h),
      setDevicePermissionHandler: (h: Listener) => void (state.devicePermissionHandler = h),
      webRequest: {
        onBeforeRequest: (h: Listener) => void (state.beforeRequest = h),
        onHeadersReceived: (h: Listener) => void (state.headersReceived = h),
      },
      protocol: {
        handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
          void state.protocolHandlers.set(scheme, handler),
      },
    },
  };
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      state.privilegedSchemes.push(...schemes);
      state.schemesRegisteredBeforeReady = !state.ready;
    },
  };
  const shell = {
    openPath: (p: string) => {
      state.openedPaths.push(p);
      return Promise.resolve('');
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => void state.exposed.set(key, api),
  };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      state.invoked.push(args);
      return Promise.resolve({ ok: true, value: args[0] });
    },
    on: (channel: string, listener: Listener) => void state.rendererListeners.on(channel, listener),
    removeListener: (channel: string, listener: Listener) =>
      void state.rendererListeners.removeListener(channel, listener),
  };
  const module = { app, BrowserWindow: FakeWindow, ipcMain, session, shell, contextBridge, ipcRenderer, protocol };
  return { module, state, app };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = FakeElectron['state']['windows'][number];

const FAKE_ID = path.join(fileURLToPath(new URL('.', import.meta.url)), '__fake_electron__.js');

/**
 * Loads a built CommonJS file with `require('electron')` answered by the fake. Node's own loader runs it
 * (not the test runner's), exactly as Electron would; returns a function that undoes the interception.
 */
export function loadWithFakeElectron(file: string, fake: FakeElectron): () => void {
  const loader = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? FAKE_ID : original.call(this, request, ...rest);
  };
  const stub = new Module(FAKE_ID);
  stub.filename = FAKE_ID;
  stub.loaded = true;
  stub.exports = fake.module;
  loader._cache[FAKE_ID] = stub;
  const requireBuilt = createRequire(file);
  delete loader._cache[file];
  requireBuilt(file);
  return () => {
    loader._resolveFilename = original;
    delete loader._cache[FAKE_ID];
    delete loader._cache[file];
  };
}
