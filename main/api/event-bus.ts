import { EventEmitter } from 'node:events';
import type { EventListener, EventName, EventTypes } from '../../common/api';

/** Typed fan-out of core events to every front door (Electron windows, WebSocket clients, CLI printers). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Each WebSocket client and window subscribes; a busy host may have many.
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(name: E, payload: EventTypes[E]): void {
    this.emitter.emit('event', name, payload);
  }

  /** Subscribers to every event, and to some events only (by name). */
  private everything = 0;
  private readonly only = new Map<EventName, number>();

  /**
   * Subscribes to every event, or to the events named in `only` (checking the name narrows the payload); returns
   * the unsubscribe function. Naming them lets the core skip making events nobody reads (the job log's lines).
   */
  subscribe(listener: EventListener, only?: readonly EventName[]): () => void {
    const names = only ? new Set(only) : null;
    const filtered: EventListener = names
      ? (...event) => {
          if (names.has(event[0])) listener(...event);
        }
      : listener;
    this.emitter.on('event', filtered);
    if (names) for (const name of names) this.only.set(name, (this.only.get(name) ?? 0) + 1);
    else this.everything++;
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.emitter.off('event', filtered);
      if (names) for (const name of names) this.only.set(name, (this.only.get(name) ?? 1) - 1);
      else this.everything--;
    };
  }

  /** Whether any subscriber reads `name` events now. */
  wants(name: EventName): boolean {
    return this.everything > 0 || (this.only.get(name) ?? 0) > 0;
  }
}
