/**
 * A vendor installer can be quiet for minutes, and the inactivity timeout that ends a hung one is 15
 * minutes by default: without a word, a quiet wait looks like a hang. While the install or register step
 * runs and no log line has arrived for a while, this says how long it has been quiet and when it is ended.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JobSnapshot } from '../../common/install';
import type { LogStore } from '../log/log-store';

/** Quiet for less than this is normal between two lines. */
export const QUIET_NOTICE_AFTER_MS = 10_000;

/** The steps whose vendor tool the inactivity timeout watches. */
const WATCHED = new Set(['install', 'register']);

/** "15 min" or "90 s": minutes from two minutes on, as the core's own timeout message counts them. */
export function formatLimit(t: TFunction, ms: number): string {
  return ms >= 120_000
    ? t('install.quiet.minutes', { count: Math.round(ms / 60_000) })
    : t('install.quiet.seconds', { count: Math.round(ms / 1000) });
}

/** The notice for `quietMs` without output, or null while there is nothing to explain. */
export function quietWaitText(t: TFunction, quietMs: number, timeoutMs: number | undefined): string | null {
  if (quietMs < QUIET_NOTICE_AFTER_MS) return null;
  const seconds = Math.floor(quietMs / 1000);
  return timeoutMs === undefined
    ? t('install.quiet.noLimit', { seconds })
    : t('install.quiet.notice', { seconds, limit: formatLimit(t, timeoutMs) });
}

export function QuietWait({ job, logStore }: { job: JobSnapshot; logStore: LogStore }) {
  const running = job.state === 'running' ? job.steps.find((s) => s.state === 'running')?.id : undefined;
  const watched = running !== undefined && WATCHED.has(running);
  // A new step starts a new quiet period: keyed by the step, the timer starts over.
  return (
    <QuietTimer key={running ?? 'none'} watched={watched} timeoutMs={job.inactivityTimeoutMs} logStore={logStore} />
  );
}

function QuietTimer({
  watched,
  timeoutMs,
  logStore,
}: {
  watched: boolean;
  timeoutMs: number | undefined;
  logStore: LogStore;
}) {
  const { t } = useTranslation();
  // This browser's clock, not the server's: over an SSH tunnel the two may disagree.
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => logStore.subscribe(() => setSince(Date.now())), [logStore]);
  useEffect(() => {
    if (!watched) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [watched]);
  const text = watched ? quietWaitText(t, now - since, timeoutMs) : null;
  return (
    <p className="quiet-wait muted" role="status" data-testid="quiet-wait">
      {text ?? ''}
    </p>
  );
}
