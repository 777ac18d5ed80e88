/** What the connection check found: each check by icon and word, the certificate, and whether registering can go ahead. */
import { useTranslation } from 'react-i18next';
import type { CheckState, ConnectivityReport } from '../../common/connectivity';
import { Card, Facts } from '../components/card';
import { CopyButton } from '../components/copy-button';
import { StatusText } from '../components/status-text';
import type { IconName } from '../components/icons';
import { describeCode } from '../i18n/describe-error';

const icons: Record<CheckState, IconName> = { ok: 'ok', warn: 'warn', fail: 'fail', skipped: 'skipped' };

export function ConnectivityResult({ report }: { report: ConnectivityReport }) {
  const { t, i18n } = useTranslation();
  const cert = report.certificate;
  const validTo = cert ? new Date(cert.validTo) : null;
  // The TLS check usually explains an expired or untrusted certificate already; say it here only when it did not.
  const tlsExplained = report.checks.some((c) => c.id === 'tls' && (c.state === 'warn' || c.state === 'fail'));
  return (
    <Card title={t('server.conn.title', { host: report.host, port: report.port })} className="card-wide">
      <ul className="checks">
        {report.checks.map((check) => {
          const { message, hint } = describeCode(t, check);
          return (
            <li key={check.id} className={`check check-${check.state}`}>
              <StatusText icon={icons[check.state]} label={t(`server.conn.state.${check.state}`)} />
              <span className="check-name">
                {t(`server.conn.checkName.${check.id}`, { port: check.id === 'data' ? report.dataPort : report.port })}
              </span>
              <span className="check-message">
                {message}
                {hint ? <span className="muted"> {hint}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      {cert ? (
        <>
          <h3 className="subhead">{t('server.conn.cert.title')}</h3>
          <Facts
            rows={[
              [t('server.conn.cert.subject'), cert.subject],
              [t('server.conn.cert.issuer'), cert.issuer],
              [
                t('server.conn.cert.validTo'),
                validTo && !Number.isNaN(validTo.getTime())
                  ? validTo.toLocaleDateString(i18n.language, { dateStyle: 'medium' })
                  : cert.validTo,
              ],
              [
                t('server.conn.cert.fingerprint'),
                <span className="hash-row" key="fp">
                  <code className="hash">{cert.sha256Fingerprint}</code>
                  <CopyButton value={cert.sha256Fingerprint} label={t('server.conn.cert.copyFingerprint')} />
                </span>,
              ],
            ]}
          />
          {cert.expired && !tlsExplained ? (
            <p className="field-warning">
              <StatusText icon="warn" label={t('server.conn.cert.expired')} />
            </p>
          ) : null}
          {!cert.trusted && !tlsExplained ? (
            <p className="muted">
              <StatusText icon="info" label={t('server.conn.cert.untrusted')} />
            </p>
          ) : null}
        </>
      ) : null}
      <p className={report.canRegister ? 'verdict good' : 'verdict bad'}>
        {report.canRegister ? (
          <StatusText icon="ok" label={t('server.conn.canRegister')} />
        ) : (
          <StatusText icon="fail" label={t('server.conn.cannotRegister')} />
        )}
      </p>
    </Card>
  );
}
