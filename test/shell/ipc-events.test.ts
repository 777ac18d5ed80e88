/** Event forwarding from the core to our windows, on the source module with electron mocked. */
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '../../common/channels';
import { EventBus } from '../../main/api/event-bus';

const handled = new Map<string, unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: unknown) => handled.set(channel, handler),
    removeHandler: (channel: string) => handled.delete(channel),
  },
}));

const { registerIpc, TrustedWindows } = await import('../../main/electron/ipc');

function fakeWindow(id: number) {
  const closed: (() => void)[] = [];
  const webContents = {
    id,
    sent: [] as unknown[][],
    send(...args: unknown[]) {
      this.sent.push(args);
    },
    isDestroyed: () => false,
  };
  return { webContents, on: (_: string, fn: () => void) => closed.push(fn), close: () => closed.forEach((fn) => fn()) };
}

describe('registerIpc events', () => {
  it('forwards core events to every trusted window, stops for closed windows, and cleans up', () => {
    const events = new EventBus();
    const trusted = new TrustedWindows();
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    trusted.add(a as never);
    trusted.add(b as never);
    const dispose = registerIpc({ events, dispatch: vi.fn() }, trusted, 'file:///app/index.html');
    expect(handled.size).toBeGreaterThan(0);

    events.emit('jobLog', { jobId: 'j1', from: 0, lines: ['hello'] });
    expect(a.webContents.sent).toEqual([[EVENT_CHANNEL, 'jobLog', { jobId: 'j1', from: 0, lines: ['hello'] }]]);
    expect(b.webContents.sent).toHaveLength(1);

    b.close();
    events.emit('detection', { root: '/', complete: true });
    expect(a.webContents.sent).toHaveLength(2);
    expect(b.webContents.sent).toHaveLength(1);

    dispose();
    expect(handled.size).toBe(0);
    events.emit('detection', { root: '/', complete: true });
    expect(a.webContents.sent).toHaveLength(2);
  });
});
