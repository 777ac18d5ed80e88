import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, METHODS, ipcChannel } from '../../common/channels';
import type { Result } from '../../common/result';
import { fail } from '../../common/result';
import type { Core } from '../core/app-core';
import { APP_SCHEME } from './app-scheme';

/**
 * The windows this process created. Only their main frames, showing our own page, may call the core
 * (the "trusted sender" set of GitHub Desktop and VS Code): a frame that navigated, an iframe or any
 * other webContents is refused even though navigation is already blocked.
 */
export class TrustedWindows {
  private readonly contents = new Map<number, WebContents>();

  add(win: BrowserWindow): void {
    const { webContents } = win;
    const id = webContents.id;
    this.contents.set(id, webContents);
    win.on('closed', () => this.contents.delete(id));
  }

  all(): WebContents[] {
    return [...this.contents.values()].filter((c) => !c.isDestroyed());
  }

  isTrusted(event: IpcMainInvokeEvent, pageUrl: string): boolean {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (this.contents.get(event.sender.id) !== event.sender) return false;
    const main = event.sender.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return samePage(frame.url, pageUrl);
  }
}

/** Same document, ignoring the fragment and query the renderer may use for its own state. */
function samePage(url: string, pageUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(pageUrl);
    return (
      a.protocol === `${APP_SCHEME}:` && a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname
    );
  } catch {
    return false;
  }
}

const untrusted = (): Result<never> =>
  fail('ipc.untrustedSender', 'This request did not come from the Mobility Setup window and was refused.', {
    hint: 'Use the wizard window that Mobility Setup opened.',
  });

/**
 * One handler per contract method, nothing else. Payloads go to core.dispatch unchanged: it validates them
 * with the shared zod schemas and answers with a Result, so nothing is thrown across the boundary.
 * Returns a function that removes the handlers and the event subscription.
 */
export function registerIpc(
  core: Pick<Core, 'dispatch' | 'events'>,
  trusted: TrustedWindows,
  pageUrl: string,
): () => void {
  for (const method of METHODS) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) => {
      if (!trusted.isTrusted(event, pageUrl)) return Promise.resolve(untrusted());
      return core.dispatch(method, payload);
    });
  }
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of trusted.all()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    for (const method of METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
