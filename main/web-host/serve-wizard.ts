import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionInfo } from '../../common/api';
import { linkEnvelopeLine } from '../../common/json-envelope';
import { UserError } from '../../common/result';
import { createCore } from '../core/app-core';
import { systemAdapters } from '../core/system-adapters';
import { sessionOptions } from '../core/session-options';
import type { Core } from '../core/app-core';
import type { Logger } from '../ports/ports';
import { silentLogger } from '../ports/ports';
import { startWebHost } from './server';
import type { WebHost } from './server';

/** The CLI's default port: fixed, so an `ssh -L` recipe can be reused; --port overrides, 0 picks a free one. */
export const DEFAULT_PORT = 8765;

export interface ServeWizardOptions {
  root: string;
  port?: number;
  demo?: boolean;
  defaults?: Partial<SessionInfo['defaults']>;
  /** The built renderer; found next to the bundle when omitted. */
  staticDir?: string;
  logger?: Logger;
  /** Ends a vendor installer/configurator after this long without output (the core's default when absent). */
  inactivityTimeoutMs?: number;
}

export interface ServedWizard extends WebHost {
  core: Core;
}

/**
 * Creates the core and the browser host for it: `mobility-setup serve` and the launcher's fallback (no
 * Electron binary) both start the wizard through here. close() stops the host and disposes the core.
 */
export async function serveWizard(options: ServeWizardOptions): Promise<ServedWizard> {
  const staticDir = options.staticDir ?? resolveRendererDir();
  const logger = options.logger ?? silentLogger;
  const core = createCore({
    ...systemAdapters(),
    root: options.root,
    logger,
    appLog: true,
    ...(options.inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs: options.inactivityTimeoutMs } : {}),
    session: sessionOptions('browser', {
      demo: options.demo === true,
      ...(options.defaults ? { defaults: options.defaults } : {}),
    }),
  });
  let host: WebHost;
  try {
    host = await startWebHost({
      core,
      staticDir,
      port: options.port ?? DEFAULT_PORT,
      logger,
    });
  } catch (err) {
    await core.dispose();
    throw err;
  }
  return {
    url: host.url,
    origin: host.origin,
    port: host.port,
    freshLink: () => host.freshLink(),
    get heldSockets() {
      return host.heldSockets;
    },
    core,
    async close() {
      await host.close();
      await core.dispose();
    },
  };
}

/**
 * dist/renderer, seen from the bundle (dist/main/*.js → ../renderer) or from the sources (main/web-host → ../../dist/renderer).
 * A missing build is a clear error instead of a server that answers 404 to everything.
 */
export function resolveRendererDir(
  baseDir: string = typeof __dirname === 'string' ? __dirname : process.cwd(),
): string {
  const candidates = [path.join(baseDir, '..', 'renderer'), path.join(baseDir, '..', '..', 'dist', 'renderer')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (found) return found;
  throw new UserError(
    'web.rendererMissing',
    `The wizard's web files were not found (looked for ${path.join(candidates[0] ?? baseDir, 'index.html')}): run "npm run build".`,
    'Build Mobility Setup first: run "npm run build" in its folder, then start it again.',
  );
}

/** The one block `serve` prints: the link, and how to reach it from another computer. */
export function serveInstructions(host: Pick<WebHost, 'url' | 'port'>): string {
  const { port } = host;
  return [
    'Mobility Setup is serving the wizard on this machine (127.0.0.1 only).',
    '',
    '  Open this link in a browser (it works once, for one browser):',
    `    ${host.url}`,
    '',
    '  From another computer, forward the port over SSH first (keep the same port number on both sides):',
    `    ssh -L ${port}:127.0.0.1:${port} ${sshTarget()}`,
    "  then open the link above in that computer's browser.",
    '',
    `  Same browser later (reload, new tab, tunnel reopened): open http://127.0.0.1:${port}/ again.`,
    `  Another browser: \`kill -USR2 ${process.pid}\` prints a new one-time link; opening it ends the old browser's session.`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

function sshTarget(): string {
  let user = 'user';
  try {
    user = os.userInfo().username || user;
  } catch {
    // No passwd entry (containers): keep the placeholder.
  }
  return `${user}@${os.hostname() || 'server'}`;
}

/** The signal that asks a running `serve` for a new link (SIGUSR1 would open Node's inspector instead). */
export const FRESH_LINK_SIGNAL: NodeJS.Signals = 'SIGUSR2';

/**
 * Prints a new one-time link whenever the process gets SIGUSR2: only root or the user running `serve` can
 * send it, and the link goes to the terminal that started it. Returns a function that stops listening.
 */
export function printFreshLinkOnSignal(
  served: Pick<WebHost, 'freshLink' | 'port'>,
  write: (text: string) => void,
  json: boolean,
): () => void {
  const onSignal = (): void => {
    const url = served.freshLink();
    write(
      json
        ? linkEnvelopeLine(url, served.port)
        : `New one-time link (the previous unused one no longer works):\n    ${url}\n`,
    );
  };
  process.on(FRESH_LINK_SIGNAL, onSignal);
  return () => process.off(FRESH_LINK_SIGNAL, onSignal);
}

/**
 * Waits for Ctrl+C, SIGTERM or SIGHUP (the SSH session running `serve` dropped), then closes cleanly: the
 * core cancels its job, so its vendor process tree and secret file do not outlive the session. A second
 * signal during shutdown ends the process the default way.
 */
export function closeOnSignal(
  served: Pick<WebHost, 'close'>,
  signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'],
): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      for (const s of signals) process.off(s, onSignal);
      // The terminal is gone: a failed write to it must not end the process before close() finishes.
      if (signal === 'SIGHUP')
        for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
      served.close().then(() => resolve(signal), reject);
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
