import type { EventListener, EventName, EventTypes, Method, ReplyOf, RequestOf } from './api';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.mobility`: one function per contract method, each sending
 * one object on its own channel, plus one event subscription. Nothing raw (no ipcRenderer, no send).
 */
export type MobilityBridge = { [M in Method]: (input: RequestOf<M>) => Promise<Result<ReplyOf<M>>> } & {
  onEvent(listener: EventListener): () => void;
};

/** The renderer's single way to reach the core, whatever carries the calls. */
export interface Transport {
  shell: 'electron' | 'browser';
  call<M extends Method>(method: M, input: RequestOf<M>): Promise<Result<ReplyOf<M>>>;
  onEvent<E extends EventName>(name: E, listener: (payload: EventTypes[E]) => void): () => void;
  /**
   * The browser host only: fetches a prepared diagnostics bundle and hands it to the browser's own download (the
   * browser saves it where the person chooses). Absent in Electron, where the bundle is saved to a typed path.
   */
  downloadBundle?(bundleId: string): Promise<Result<{ fileName: string; sizeBytes: number }>>;
}
