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

  /** Subscribes to every event (checking the name narrows the payload); returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
