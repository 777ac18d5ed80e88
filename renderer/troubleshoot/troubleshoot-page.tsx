/**
 * The Troubleshoot page, reached from the detection screen and from a failed summary: the health lines, the
 * newest vendor error explained, connectivity to the server the person expects, push-install readiness, the
 * vendor logs in the log viewer, and the diagnostics bundle. It only reads; Back returns to where it was opened.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../common/result';
import type { TroubleshootReport } from '../../common/troubleshoot';
import { Card } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { ModalDialog } from '../components/modal-dialog';
import { StatusText } from '../components/status-text';
import { StepHeading } from '../components/step-heading';
import { useWizard } from '../flow/wizard-context';
import { formatBytes } from '../format/units';
import { BundleSection } from './bundle-section';
import { HealthLines } from './health-lines';
import { LogViewer } from './log-viewer';
import { ConnectivityFindings, PushReadiness } from './network-findings';
import { VendorErrorNotice } from './vendor-error-notice';

export function TroubleshootPage() {
  const { t, i18n } = useTranslation();
  const { state, dispatch, transport } = useWizard();
  const serverId = useId();
  const helpId = useId();
  // The server the person already named (the wizard's field, or the session's default) is the one expected.
  const [server, setServer] = useState(
    () => state.registration.endpoint.trim() || state.session?.defaults.csEndpoint || '',
  );
  const [report, setReport] = useState<TroubleshootReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [viewing, setViewing] = useState<{ path: string; shown: string } | null>(null);
  const expected = server.trim() === '' ? null : server.trim();

  const run = useCallback(
    async (expectedServer: string | null) => {
      setRunning(true);
      setError(null);
      try {
        const reply = await transport.call('diagnose', expectedServer ? { expectedServer } : {});
        if (reply.ok) setReport(reply.value);
        else setError(reply.error);
      } catch (err) {
        setError({ code: 'transport.failed', message: String(err) });
      } finally {
        setRunning(false);
      }
    },
    [transport],
  );

  // Runs once on opening with the server already known; "Run checks" runs again with the field's value.
  // Started from a timer so the effect itself sets no state.
  useEffect(() => {
    const timer = setTimeout(() => void run(expected), 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on opening, with the server known then.
  }, [run]);

  const d = report?.diagnosis;
  return (
    <>
      <StepHeading lead={t('troubleshoot.lead')}>{t('troubleshoot.heading')}</StepHeading>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void run(expected);
        }}
      >
        <label htmlFor={serverId}>{t('troubleshoot.expectedServer')}</label>
        <input
          id={serverId}
          type="text"
          value={server}
          aria-describedby={helpId}
          onChange={(e) => setServer(e.target.value)}
        />
        <p id={helpId} className="muted">
          {t('troubleshoot.expectedServerHelp')}
        </p>
        <button type="submit" className="button" disabled={running}>
          {t('troubleshoot.run')}
        </button>
      </form>
      <p className="live-status" role="status">
        {running ? <StatusText icon="running" label={t('troubleshoot.running')} /> : d ? t('troubleshoot.done') : ''}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {d ? (
        <div className="card-grid">
          <HealthLines lines={d.health.lines} />
          {d.health.lastVendorError ? (
            <Card title={t('troubleshoot.vendorErrorTitle')} className="card-wide">
              <p className="muted">
                <code>{d.health.lastVendorError.file}</code>
              </p>
              <VendorErrorNotice error={d.health.lastVendorError} />
            </Card>
          ) : null}
          <ConnectivityFindings test={d.connectivity} />
          <PushReadiness items={d.pushReadiness} />
          <Card title={t('troubleshoot.logsTitle')}>
            {report.logs.length === 0 ? <p className="muted">{t('troubleshoot.noLogs')}</p> : null}
            <ul className="log-files">
              {report.logs.map((log) => (
                <li key={log.path}>
                  <code className="path">{log.shown}</code>{' '}
                  <span className="muted">{formatBytes(log.sizeBytes, i18n.language)}</span>{' '}
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('troubleshoot.viewNamed', { file: log.shown })}
                    onClick={() => setViewing(log)}
                  >
                    {t('troubleshoot.view')}
                  </button>
                </li>
              ))}
            </ul>
          </Card>
          <BundleSection expectedServer={expected} />
        </div>
      ) : null}
      {viewing ? (
        <ModalDialog title={viewing.shown} onClose={() => setViewing(null)}>
          <LogViewer path={viewing.path} />
        </ModalDialog>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'troubleshoot', open: false })}>
          {t('troubleshoot.back')}
        </button>
      </div>
    </>
  );
}
