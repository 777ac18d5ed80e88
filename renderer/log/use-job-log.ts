/**
 * Keeps the LogStore filled for the current job: live `jobLog` events, plus readJobLog for whatever was
 * missed (the page opened late, the WebSocket reconnected, a chunk arrived past a gap).
 */
import { useEffect, useRef } from 'react';
import type { Transport } from '../../common/bridge';
import type { LogStore } from './log-store';

/** As many lines as the core gives in one reply (LOG_READ_MAX): a 1,000,000-line gap is 20 requests. */
const PAGE = 50_000;

export function useJobLog(transport: Transport, store: LogStore, jobId: string | null, knownLines: number): void {
  const fillRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    store.reset(jobId);
    if (jobId === null) return;
    let disposed = false;
    let fetching = false;
    let again = false;

    const fill = (): void => {
      if (fetching) {
        again = true;
        return;
      }
      fetching = true;
      void (async () => {
        try {
          for (;;) {
            const reply = await transport.call('readJobLog', { jobId, from: store.length, max: PAGE });
            if (disposed || !reply.ok) return;
            store.append(reply.value);
            // Until a reply brings nothing new: the core caps a reply (LOG_READ_MAX, 50,000 lines), so a short
            // page does not mean the end, and after the job ends no event would ask again.
            if (reply.value.lines.length === 0 && !again) return;
            again = false;
          }
        } catch {
          // A dropped connection: the next event or job snapshot asks again.
        } finally {
          fetching = false;
        }
      })();
    };
    fillRef.current = fill;

    const off = transport.onEvent('jobLog', (chunk) => {
      if (chunk.jobId !== jobId) return;
      if (store.append(chunk).missingFrom !== null) fill();
    });
    fill();
    return () => {
      disposed = true;
      fillRef.current = () => undefined;
      off();
    };
  }, [transport, store, jobId]);

  // The job snapshot says how many lines exist; fewer here means some were missed.
  useEffect(() => {
    if (knownLines > store.length) fillRef.current();
  }, [knownLines, store]);
}
