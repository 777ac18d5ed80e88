/**
 * What happens when the reader of our output goes away: `install … 2>&1 | grep -m1 'Registering with'` closes
 * the pipe after one line, and the next write fails with EPIPE (a dropped terminal gives EIO). Unhandled, that
 * error ends the process at once, mid-job, with the passphrase file and the extracted installer left behind.
 * Instead the failed stream is marked closed and never written again, and a running job is cancelled as for
 * SIGHUP (the reader is gone, as the terminal is after a hang-up), so every cleanup runs.
 */
type Stream = NodeJS.WriteStream;

const closed = new Set<Stream>();
const listeners = new Set<(stream: 'stdout' | 'stderr', code: string) => void>();
let installed = false;

/** Catches write errors on stdout and stderr for the rest of the process (called once, at start). */
export function guardOutput(): void {
  if (installed) return;
  installed = true;
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ] as const) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (closed.has(stream)) return;
      closed.add(stream);
      for (const listener of [...listeners]) listener(name, err.code ?? 'ERROR');
    });
  }
}

/** Calls `listener` when stdout or stderr fails (once per stream); returns the unsubscribe. */
export function onOutputClosed(listener: (stream: 'stdout' | 'stderr', code: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Writes unless that stream already failed: nothing more can reach a reader that is gone. */
export function writeOut(text: string): void {
  if (!closed.has(process.stdout)) process.stdout.write(text);
}

export function writeErr(text: string): void {
  if (!closed.has(process.stderr)) process.stderr.write(text);
}
