/**
 * A fake core for component tests: answers calls from per-method handlers, records every call, and lets
 * the test push events as the core would.
 */
import type { EventName, EventTypes, Method, ReplyOf, RequestOf } from '../../../common/api';
import type { Transport } from '../../../common/bridge';
import type { AppError, Result } from '../../../common/result';

type Handler<M extends Method> = (input: RequestOf<M>) => Result<ReplyOf<M>> | Promise<Result<ReplyOf<M>>>;

export interface RecordedCall {
  method: Method;
  input: unknown;
}

export class FakeTransport implements Transport {
  shell: 'electron' | 'browser' = 'browser';
  readonly calls: RecordedCall[] = [];
  private readonly handlers = new Map<Method, Handler<Method>>();
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** Answers `method` with `value` (or a handler computing the Result). */
  on<M extends Method>(method: M, answer: ReplyOf<M> | Handler<M>): this {
    const handler = typeof answer === 'function' ? answer : () => ({ ok: true as const, value: answer });
    this.handlers.set(method, handler);
    return this;
  }

  fail<M extends Method>(method: M, error: AppError): this {
    this.handlers.set(method, () => ({ ok: false, error }));
    return this;
  }

  async call<M extends Method>(method: M, input: RequestOf<M>): Promise<Result<ReplyOf<M>>> {
    this.calls.push({ method, input });
    const handler = this.handlers.get(method) as Handler<M> | undefined;
    if (!handler) return { ok: false, error: { code: 'test.unhandled', message: `No fake answer for ${method}` } };
    return handler(input);
  }

  onEvent<E extends EventName>(name: E, listener: (payload: EventTypes[E]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventTypes[E]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (p: EventTypes[E]) => void)(payload);
  }

  callsOf(method: Method): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }
}

/** A promise the test resolves when it wants the fake core to answer. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
