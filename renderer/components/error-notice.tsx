/** A core error in the user's language: what happened, and what to do next. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeCode } from '../i18n/describe-error';
import type { Coded } from '../i18n/describe-error';
import { Icon } from './icons';

export function ErrorNotice({
  error,
  tone = 'error',
  children,
}: {
  error: Coded;
  tone?: 'error' | 'warn';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message, hint } = describeCode(t, error);
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-code={error.code}>
      <Icon name={tone === 'error' ? 'fail' : 'warn'} />
      <div className="notice-body">
        <p className="notice-message">{message}</p>
        {hint ? <p className="notice-hint">{hint}</p> : null}
        {children}
      </div>
    </div>
  );
}
