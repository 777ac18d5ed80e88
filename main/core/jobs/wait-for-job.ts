import type { JobSnapshot } from '../../../common/install';
import type { EventBus } from '../../api/event-bus';

/** Resolves with the job's final snapshot (state no longer 'running'), from the `job` events. */
export function waitForJob(
  events: EventBus,
  getJob: (jobId: string) => Promise<JobSnapshot>,
  jobId: string,
): Promise<JobSnapshot> {
  return new Promise<JobSnapshot>((resolve, reject) => {
    let settled = false;
    const settle = (snapshot: JobSnapshot) => {
      if (settled || snapshot.id !== jobId || snapshot.state === 'running') return;
      settled = true;
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = events.subscribe(
      (name, payload) => {
        if (name === 'job') settle(payload);
      },
      ['job'],
    );
    // The job may have finished before this subscription.
    getJob(jobId).then(settle, (err: unknown) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      reject(err instanceof Error ? err : new Error('job lookup failed'));
    });
  });
}
