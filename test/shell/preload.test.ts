import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, METHODS, ipcChannel } from '../../common/channels';
import { builtPreload, isBuilt, notBuiltMessage } from './built';
import { createFakeElectron, loadWithFakeElectron } from './fake-electron';

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('the built preload (dist/main/preload.js) with a fake contextBridge', () => {
  const fake = createFakeElectron();
  let unload = (): void => {};
  let bridge: Record<string, (...args: unknown[]) => unknown>;

  beforeAll(() => {
    unload = loadWithFakeElectron(builtPreload, fake);
    bridge = fake.state.exposed.get('mobility') as typeof bridge;
  });
  afterAll(() => unload());

  it('exposes only window.mobility', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['mobility']);
  });

  it('exposes exactly one function per contract method, plus onEvent', () => {
    expect(Object.keys(bridge).sort()).toEqual([...METHODS, 'onEvent'].sort());
    for (const key of Object.keys(bridge)) expect(typeof bridge[key], key).toBe('function');
    expect(bridge).not.toHaveProperty('ipcRenderer');
    expect(bridge).not.toHaveProperty('invoke');
  });

  it('sends each call on its own channel with exactly the object given', async () => {
    for (const method of METHODS) {
      fake.state.invoked.length = 0;
      const input = { probe: method };
      // Extra positional arguments from the page are not forwarded.
      await bridge[method]!(input, 'extra', { more: true });
      expect(fake.state.invoked).toEqual([[ipcChannel(method), input]]);
    }
  });

  it('passes contract events to the listener without the IPC event object, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent!(listener) as () => void;
    const ipcEvent = { sender: { secret: 'ipc internals' } };
    fake.state.rendererListeners.emit(EVENT_CHANNEL, ipcEvent, 'job', { id: 'j1' });
    fake.state.rendererListeners.emit(EVENT_CHANNEL, ipcEvent, 'notAnEvent', { id: 'x' });
    expect(listener).toHaveBeenCalledExactlyOnceWith('job', { id: 'j1' });
    unsubscribe();
    fake.state.rendererListeners.emit(EVENT_CHANNEL, ipcEvent, 'detection', { root: '/' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.state.rendererListeners.listeners.get(EVENT_CHANNEL) ?? []).toHaveLength(0);
  });

  it('requires nothing but electron (a sandboxed preload cannot)', async () => {
    const { readFileSync } = await import('node:fs');
    const requires = [...readFileSync(builtPreload, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});
