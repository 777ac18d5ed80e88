/**
 * The live log: a virtual list over the LogStore, so only the visible lines are in the DOM (every line is
 * LINE_HEIGHT tall, so which lines are in view follows from the scroll position: fixed-row-window.ts). It
 * follows the tail until the user scrolls up, then offers "Jump to latest".
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../format/copy-text';
import { NewLinesAnnouncer } from './new-lines-announcer';
import { formatCount } from '../format/units';
import { rowsInView, useViewport } from './fixed-row-window';
import { LogSearch, splitByMatch } from './log-search';
import type { LogStore } from './log-store';

const LINE_HEIGHT = 20;
/** How close to the bottom still counts as "at the tail" (sub-pixel scroll positions, zoom). */
const TAIL_SLACK = LINE_HEIGHT * 1.5;
/** Rows rendered above and below the viewport, so a quick scroll does not show blank space. */
const OVERSCAN = 20;

export interface LogPaneProps {
  store: LogStore;
  label: string;
}

export function LogPane({ store, label }: LogPaneProps) {
  const { t, i18n } = useTranslation();
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const count = store.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [search] = useState(() => new LogSearch(store));
  const searchId = useId();

  // Recomputed when the text or the log changes; the search scans only new lines.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the store's change signal.
  const matches = useMemo(() => search.matches(query), [search, query, version]);
  const active = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  const viewport = useViewport(scrollRef);
  const rows = rowsInView(count, LINE_HEIGHT, viewport.top, viewport.height, OVERSCAN);
  const readViewport = viewport.onScroll;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!following || !el) return;
    el.scrollTop = el.scrollHeight;
    // Before the paint: the rows at the new tail, not one frame of the old ones.
    readViewport();
  }, [following, version, readViewport]);

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copyState]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    readViewport();
    const atTail = el.scrollHeight - el.scrollTop - el.clientHeight <= TAIL_SLACK;
    if (atTail !== following) setFollowing(atTail);
  };

  const jumpTo = (matchIndex: number) => {
    if (matches.length === 0) return;
    const wrapped = (matchIndex + matches.length) % matches.length;
    setCurrent(wrapped);
    setFollowing(false);
    const el = scrollRef.current;
    if (el) el.scrollTop = Math.max(0, (matches[wrapped] ?? 0) * LINE_HEIGHT - (el.clientHeight - LINE_HEIGHT) / 2);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    jumpTo(active + (event.shiftKey ? -1 : 1));
  };

  const onCopy = async () => setCopyState((await copyText(store.text())) ? 'copied' : 'failed');

  const activeLine = active >= 0 ? matches[active] : undefined;
  const language = i18n.language;
  const matchText =
    query === ''
      ? ''
      : matches.length === 0
        ? t('log.noMatches')
        : t('log.matchPosition', {
            current: formatCount(active + 1, language),
            total: formatCount(matches.length, language),
          });

  return (
    <div className="log-pane" data-testid="log-pane" data-line-count={count}>
      <div className="log-toolbar">
        <label className="visually-hidden" htmlFor={searchId}>
          {t('log.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="log-search"
          placeholder={t('log.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={onSearchKey}
        />
        <button
          type="button"
          className="button small"
          onClick={() => jumpTo(active - 1)}
          disabled={matches.length === 0}
        >
          {t('log.previousMatch')}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => jumpTo(active + 1)}
          disabled={matches.length === 0}
        >
          {t('log.nextMatch')}
        </button>
        <span className="log-matches" role="status">
          {matchText}
        </span>
        <span className="log-count" data-testid="log-line-count">
          {t('log.lineCount', { count, formatted: formatCount(count, language) })}
        </span>
        <button type="button" className="button small" onClick={() => void onCopy()} disabled={count === 0}>
          {t('log.copy')}
        </button>
        <NewLinesAnnouncer count={count} />
        <span className="log-copy-state" role="status">
          {copyState === 'copied' ? t('log.copied') : copyState === 'failed' ? t('log.copyFailed') : ''}
        </span>
      </div>
      <div className="log-viewport" ref={scrollRef} onScroll={onScroll} tabIndex={0} role="region" aria-label={label}>
        {count === 0 ? <p className="log-empty">{t('log.empty')}</p> : null}
        <div className="log-sizer" style={{ height: count * LINE_HEIGHT }}>
          {Array.from({ length: rows.last - rows.first }, (_, i) => {
            const index = rows.first + i;
            const text = store.line(index);
            return (
              <div
                key={index}
                className={index === activeLine ? 'log-line current' : 'log-line'}
                style={{ transform: `translateY(${index * LINE_HEIGHT}px)`, height: LINE_HEIGHT }}
              >
                {splitByMatch(text, query).map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </div>
            );
          })}
        </div>
      </div>
      {following ? null : (
        <button type="button" className="button jump-latest" onClick={() => setFollowing(true)}>
          {t('log.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
