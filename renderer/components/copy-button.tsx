/** Copies a value (a checksum, a fingerprint) and says so in a polite live region. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../format/copy-text';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="button small"
        aria-label={label}
        onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {t('common.copy')}
      </button>
      <span className="copy-state" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}
