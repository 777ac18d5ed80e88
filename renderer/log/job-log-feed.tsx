/**
 * The job log's chunk: the store and the component that keeps it filled. The detection screen shows no log, so
 * the wizard loads this once detection is complete or as soon as a job is attached (app.tsx), not before its first
 * screen.
 */
import type { Transport } from '../../common/bridge';
import type { LogStore } from './log-store';
import { useJobLog } from './use-job-log';

export { LogStore } from './log-store';

interface JobLogFeedProps {
  transport: Transport;
  store: LogStore;
  jobId: string | null;
  knownLines: number;
}

/** Renders nothing: it is a component only so that the lazily loaded hook runs inside React. */
export function JobLogFeed({ transport, store, jobId, knownLines }: JobLogFeedProps): null {
  useJobLog(transport, store, jobId, knownLines);
  return null;
}
