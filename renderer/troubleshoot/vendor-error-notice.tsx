/**
 * The vendor tool's own first error line and, where the known-error table has it, what it means and what to
 * do. Shown by a failed job's summary and by the Troubleshoot page, so a person reads the cause where they are
 * instead of searching the log for it.
 */
import { useTranslation } from 'react-i18next';
import type { VendorError } from '../../common/known-errors';

export function VendorErrorNotice({ error }: { error: VendorError }) {
  const { t } = useTranslation();
  const explanation = error.explanation;
  return (
    <div className="vendor-error" data-testid="vendor-error">
      <p className="vendor-error-label">{t('summary.vendorError')}</p>
      <pre className="vendor-error-line">{error.line}</pre>
      {explanation ? (
        <>
          <p>
            <strong>{t('summary.vendorMeaning')}</strong>{' '}
            {t(`knownError.${explanation.id}.meaning`, { defaultValue: explanation.meaning })}
          </p>
          <p>
            <strong>{t('summary.vendorAction')}</strong>{' '}
            {t(`knownError.${explanation.id}.action`, { defaultValue: explanation.action })}
          </p>
        </>
      ) : null}
    </div>
  );
}
