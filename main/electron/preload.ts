/**
 * The sandboxed preload: exposes `window.mobility`, one function per contract method plus onEvent, and
 * nothing raw. It imports only the channel list (no validators), so the bundle stays small; the main
 * process validates every payload anyway.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { EventArgs, EventName, Method } from '../../common/api';
import type { MobilityBridge } from '../../common/bridge';
import { EVENT_CHANNEL, EVENTS, METHODS, ipcChannel } from '../../common/channels';

type Invokers = Omit<MobilityBridge, 'onEvent'>;

// Compile-time guard: the channel list and the contract name the same methods and events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _MethodsMatch = Assert<Same<(typeof METHODS)[number], Method>>;
export type _EventsMatch = Assert<Same<(typeof EVENTS)[number], EventName>>;

const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENTS as readonly string[]).includes(name);

// Each function forwards exactly one argument, so the page cannot smuggle extra positional values.
const invokers = Object.fromEntries(
  METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as unknown as Invokers;

const bridge: MobilityBridge = {
  ...invokers,
  onEvent(listener) {
    // The IPC event object (which carries `sender`) never reaches the page. Only the main process sends on
    // this channel, with the bus's (name, payload); the name is still checked before the page sees it.
    const forward = (_event: IpcRendererEvent, ...event: EventArgs): void => {
      if (isEventName(event[0])) listener(...event);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('mobility', bridge);
