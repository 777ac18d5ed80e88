/** A titled section of a step (an h2 region), with a "Checking…" placeholder while its facts are pending. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Card({
  title,
  children,
  pending = false,
  className,
}: {
  title: string;
  children?: ReactNode;
  pending?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id} aria-busy={pending}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {pending ? (
        <div className="pending">
          <span className="skeleton" aria-hidden="true" />
          <span className="skeleton short" aria-hidden="true" />
          <p className="muted">{t('common.checking')}</p>
        </div>
      ) : (
        children
      )}
    </section>
  );
}

/** A term/value list; values that are unknown show as "Unknown" rather than blank. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div className="fact" key={term}>
          <dt>{term}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <span className="muted">{t('common.unknown')}</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
