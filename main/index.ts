/**
 * The Electron main process: the composition root, and the only place that wires Electron to the core.
 * Everything it composes lives elsewhere: the core (main/core), the window and its rules (main/electron).
 */
import { app, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { createCore } from './core/app-core';
import { systemAdapters } from './core/system-adapters';
import { sessionOptions } from './core/session-options';
import type { Core } from './core/app-core';
import { registerIpc, TrustedWindows } from './electron/ipc';
import { registerAppScheme, serveRendererOnAppScheme } from './electron/app-protocol';
import { hardenSession, hardenWebContents } from './electron/security';
import { createMainWindow, rendererFiles } from './electron/window';
import { chooseBundleFile } from './electron/save-dialog';
import { ShellArgsError, parseShellArgs } from './launch/shell-args';
import type { ShellArgs } from './launch/shell-args';
import { helperRequestFromArgv } from './launch/helper-invocation';
import { runHelper } from './core/elevation/run-helper';
import { cliArgvFromAppArgv } from './cli/app-argv';
import { runCli } from './cli/program';
import { guardOutput, writeErr } from './cli/output-guard';
import { EXIT } from './cli/exit-codes';

const helperRequest = helperRequestFromArgv(process.argv.slice(1));
const cliArgv = helperRequest === null ? cliArgvFromAppArgv(process.argv.slice(1), process.defaultApp === true) : null;

if (helperRequest !== null) {
  // Elevated helper run (see launch/helper-invocation.ts): no window, no single-instance lock.
  void runHelper(helperRequest).then(
    (code) => app.exit(code),
    () => app.exit(70),
  );
} else if (cliArgv !== null) {
  runCommandLine(cliArgv);
} else {
  startApp();
}

/**
 * `<app> install …` and the other CLI commands (cli/app-argv.ts): the same command line as
 * bin/mobility-setup.js, with its exit code, and no window, sandbox switch or single-instance lock.
 */
function runCommandLine(argv: string[]): void {
  guardOutput();
  void runCli(argv).then(
    (code) => app.exit(code),
    (err: unknown) => {
      writeErr(`mobility-setup: unexpected error: ${err instanceof Error ? err.name : 'error'}\n`);
      app.exit(EXIT.internal);
    },
  );
}

function startApp(): void {
  let parsed: ReturnType<typeof parseShellArgs>;
  try {
    parsed = parseShellArgs(process.argv.slice(1));
  } catch (err) {
    if (!(err instanceof ShellArgsError)) throw err;
    process.stderr.write(`mobility-setup: ${err.message}\n`);
    process.exit(2);
  }
  const { args, warnings } = parsed;
  for (const warning of warnings) process.stderr.write(`mobility-setup: ${warning}\n`);
  // Every renderer sandboxed, including any a bug might create without our window options.
  app.enableSandbox();
  // The page's own scheme must be declared before the app is ready (see electron/app-protocol.ts).
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // The wizard is already open: the running one is focused (below) and this one leaves.
    app.quit();
  } else {
    start(args);
  }
}

function start(args: ShellArgs): void {
  const files = rendererFiles(__dirname);
  const trusted = new TrustedWindows();
  let core: Core | null = null;
  let removeIpc: (() => void) | null = null;
  let mainWindow: BrowserWindow | null = null;

  // Developer tools only when running from source: a packaged app never opens them (see hardenWebContents).
  const devTools = !app.isPackaged;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { devTools }));
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (core === null) return;
    // Quitting waits for the core to stop what it runs (jobs, child processes), then quits again.
    event.preventDefault();
    const stopping = core;
    core = null;
    removeIpc?.();
    removeIpc = null;
    void stopping.dispose().finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRendererOnAppScheme(session.defaultSession, files.rendererDir);
    core = createCore({
      ...systemAdapters(),
      root: args.root,
      appLog: true,
      ...(args.inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs: args.inactivityTimeoutMs } : {}),
      desktop: {
        openPath: (file) => shell.openPath(file).then((err) => err === ''),
        chooseSaveFile: (defaultName, language) => chooseBundleFile(mainWindow, defaultName, language),
      },
      session: sessionOptions('electron', {
        demo: args.demo,
        defaults: args.defaults,
        fallbackVersion: app.getVersion(),
        locale: app.getLocale(),
      }),
    });
    removeIpc = registerIpc(core, trusted, files.indexUrl);
    mainWindow = createMainWindow(files, devTools);
    trusted.add(mainWindow);
  });
}
