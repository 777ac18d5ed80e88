/**
 * The log's live region for screen readers: "12 new lines" at most every few seconds while the log grows,
 * instead of every line (a vendor installer can write thousands a second, which would drown everything else).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/units';

const ANNOUNCE_EVERY_MS = 5000;

export function NewLinesAnnouncer({ count }: { count: number }) {
  const { t, i18n } = useTranslation();
  const countRef = useRef(count);
  const announcedRef = useRef(count);
  const [text, setText] = useState('');
  useEffect(() => {
    countRef.current = count;
  }, [count]);

  useEffect(() => {
    const timer = setInterval(() => {
      const added = countRef.current - announcedRef.current;
      announcedRef.current = countRef.current;
      if (added > 0) setText(t('log.newLines', { count: added, formatted: formatCount(added, i18n.language) }));
    }, ANNOUNCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [t, i18n]);

  return (
    <span className="visually-hidden" role="status" aria-live="polite" data-testid="log-new-lines">
      {text}
    </span>
  );
}
