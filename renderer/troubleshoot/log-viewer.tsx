/**
 * The log viewer of the Troubleshoot page and of the summary's View log: it opens at the end of the log, reads
 * it in windows of lines through the core (a log of hundreds of megabytes is never sent whole), searches it,
 * and jumps to its error lines with what each known error means.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../common/result';
import type { LogSearch, LogWindow } from '../../common/troubleshoot';
import { ErrorNotice } from '../components/error-notice';
import { useWizard } from '../flow/wizard-context';

/** Lines per window; a jump shows some lines before the hit for context. */
const WINDOW_LINES = 200;
const CONTEXT_LINES = 20;

const failure = (err: unknown): AppError => ({ code: 'transport.failed', message: String(err) });

export function LogViewer({ path }: { path: string }) {
  const { t } = useTranslation();
  const { transport } = useWizard();
  const searchId = useId();
  const [view, setView] = useState<LogWindow | null>(null);
  const [found, setFound] = useState<(LogSearch & { errors: boolean }) | null>(null);
  const [marked, setMarked] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const textRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (from: number | null, mark: number | null = null) => {
      try {
        const reply = await transport.call('readLogLines', {
          path,
          count: WINDOW_LINES,
          ...(from === null ? {} : { from }),
        });
        if (!reply.ok) return setError(reply.error);
        setError(null);
        setView(reply.value);
        setMarked(mark);
      } catch (err) {
        setError(failure(err));
      }
    },
    [transport, path],
  );

  // Opens at the end; started from a timer so the effect itself sets no state.
  useEffect(() => {
    const timer = setTimeout(() => void load(null), 0);
    return () => clearTimeout(timer);
  }, [load]);

  // After a window loads: the marked line (a jump), else the end (the viewer opens at the end).
  useEffect(() => {
    const box = textRef.current;
    if (!box || !view) return;
    const target = marked === null ? null : box.querySelector<HTMLElement>('[data-marked="true"]');
    if (target) target.scrollIntoView?.({ block: 'center' });
    else if (marked === null && view.from + view.lines.length >= view.totalLines) box.scrollTop = box.scrollHeight;
  }, [view, marked]);

  const find = async (errors: boolean) => {
    try {
      const reply = await transport.call('searchLog', errors ? { path, errors: true } : { path, query });
      if (!reply.ok) return setError(reply.error);
      setFound({ ...reply.value, errors });
      const first = reply.value.hits[0];
      if (first) await load(Math.max(0, first.line - CONTEXT_LINES), first.line);
    } catch (err) {
      setError(failure(err));
    }
  };

  const jump = (line: number) => void load(Math.max(0, line - CONTEXT_LINES), line);

  return (
    <div className="log-viewer" data-testid="log-viewer">
      <form
        className="log-viewer-tools"
        onSubmit={(event) => {
          event.preventDefault();
          void find(false);
        }}
      >
        <label htmlFor={searchId}>{t('logViewer.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button small" disabled={query.trim() === ''}>
          {t('logViewer.find')}
        </button>
        <button type="button" className="button small" onClick={() => void find(true)}>
          {t('logViewer.errors')}
        </button>
        <button type="button" className="button small" onClick={() => void load(null)}>
          {t('logViewer.end')}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {found ? (
        <div className="log-hits">
          <p className="muted" role="status">
            {found.hits.length === 0
              ? t(found.errors ? 'logViewer.noErrors' : 'logViewer.noHits')
              : t('logViewer.hits', { count: found.hits.length })}
            {found.more ? ` (${t('logViewer.more')})` : ''}
          </p>
          <ul>
            {found.hits.map((hit) => (
              <li key={hit.line} data-testid="log-hit">
                <button type="button" className="button link" onClick={() => jump(hit.line)}>
                  {t('logViewer.goTo', { line: hit.line + 1 })}
                </button>{' '}
                <code>{hit.text}</code>
                {hit.explanation ? (
                  <p className="muted">
                    {t(`knownError.${hit.explanation.id}.meaning`, { defaultValue: hit.explanation.meaning })}{' '}
                    {t(`knownError.${hit.explanation.id}.action`, { defaultValue: hit.explanation.action })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view ? (
        <>
          <div className="log-viewer-nav">
            <button
              type="button"
              className="button small"
              disabled={view.from === 0}
              onClick={() => void load(Math.max(0, view.from - WINDOW_LINES))}
            >
              {t('logViewer.earlier')}
            </button>
            <span className="muted">
              {t('logViewer.lines', {
                from: view.lines.length === 0 ? 0 : view.from + 1,
                to: view.from + view.lines.length,
                total: view.totalLines,
              })}
            </span>
            <button
              type="button"
              className="button small"
              disabled={view.from + view.lines.length >= view.totalLines}
              onClick={() => void load(view.from + WINDOW_LINES)}
            >
              {t('logViewer.later')}
            </button>
          </div>
          <div ref={textRef} className="log-viewer-text" tabIndex={0} role="region" aria-label={t('logViewer.text')}>
            {view.lines.map((text, i) => {
              const line = view.from + i;
              return (
                <div
                  key={line}
                  className={line === marked ? 'log-line is-marked' : 'log-line'}
                  data-marked={line === marked}
                >
                  <span className="log-line-number">{line + 1}</span>
                  <span>{text}</span>
                </div>
              );
            })}
          </div>
        </>
      ) : null}
    </div>
  );
}
