/** One scanner on the anti-virus step: its state by icon and word, why, and the fix or the manual steps. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixResult, ScannerFinding } from '../../common/antivirus';
import { needsAttention } from '../../common/antivirus';
import { CopyButton } from '../components/copy-button';
import { StatusText } from '../components/status-text';
import { describeCoreText, describeCoreTexts } from '../i18n/describe-error';
import { SCANNER_ICON } from './antivirus-icons';

export interface AntivirusScannerProps {
  scanner: ScannerFinding;
  canFix: boolean;
  /** The fix goes through the elevated helper: the system asks for the administrator password first. */
  asksPassword: boolean;
  fixing: boolean;
  busy: boolean;
  result: FixResult | null;
  onFix: () => void;
}

export function AntivirusScanner({
  scanner,
  canFix,
  asksPassword,
  fixing,
  busy,
  result,
  onFix,
}: AntivirusScannerProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const open = needsAttention(scanner);
  const requestText = describeCoreText(t, scanner.requestTextCoded, scanner.requestText);
  const automatic = scanner.fix === 'automatic';
  return (
    <section className="card card-wide av-scanner" aria-labelledby={titleId} data-testid={`av-scanner-${scanner.id}`}>
      <h2 id={titleId} className="card-title">
        {scanner.product}
      </h2>
      <p>
        <StatusText icon={SCANNER_ICON[scanner.status]} label={t(`antivirus.status.${scanner.status}`)} />
      </p>
      <p>
        {describeCoreTexts(
          t,
          scanner.reasonTexts ?? (scanner.reasonText ? [scanner.reasonText] : null),
          scanner.reason,
        )}
      </p>
      <p className="muted">{t('antivirus.foundBy', { evidence: scanner.evidence.join(', ') })}</p>
      {result ? (
        <p
          className={`notice ${result.outcome === 'fixed' || result.outcome === 'unchanged' ? 'notice-info' : 'notice-warn'}`}
          role="status"
        >
          {t(`antivirus.fixOutcome.${result.outcome}`)} {describeCoreTexts(t, result.messageTexts, result.message)}
        </p>
      ) : null}
      {open && automatic && canFix ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={onFix}
            disabled={busy}
            aria-label={t('antivirus.fixLabel', { product: scanner.product })}
          >
            {fixing ? t('antivirus.fixing') : t('antivirus.fix')}
          </button>
          {asksPassword ? <span className="muted">{t('antivirus.asksPassword')}</span> : null}
        </div>
      ) : null}
      {open && automatic && !canFix ? <p className="notice notice-info">{t('antivirus.needsRoot')}</p> : null}
      {open ? (
        <div className="av-manual">
          <h3>{automatic ? t('antivirus.manualByHand') : t('antivirus.manualTitle')}</h3>
          <ol>
            {scanner.manualSteps.map((step, index) => (
              <li key={step}>{describeCoreText(t, scanner.manualStepTexts?.[index], step)}</li>
            ))}
          </ol>
          {!automatic ? (
            <>
              <h3>{t('antivirus.requestTitle')}</h3>
              <pre className="av-request" data-testid={`av-request-${scanner.id}`}>
                {requestText}
              </pre>
              <CopyButton value={requestText} label={t('antivirus.copyRequest', { product: scanner.product })} />
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
