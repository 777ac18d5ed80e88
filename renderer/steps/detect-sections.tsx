/** The detection screen's sections; each renders "Checking…" until its part of the report has arrived. */
import { useTranslation } from 'react-i18next';
import type { DetectionSnapshot, DiskCheck, OsFacts, PrivilegeFacts } from '../../common/detection';
import { Card, Facts } from '../components/card';
import { StatusText } from '../components/status-text';
import { describeCode, describeCoreText } from '../i18n/describe-error';
import { formatBytes } from '../format/units';

export function OsSection({ os }: { os: OsFacts | undefined }) {
  const { t } = useTranslation();
  return (
    <Card title={t('detect.os.title')} pending={!os}>
      {os ? (
        <Facts
          rows={[
            [t('detect.os.distribution'), os.distribution],
            [t('detect.os.version'), os.version],
            [t('detect.os.kernel'), os.kernel ? <code>{os.kernel}</code> : null],
            [t('detect.os.arch'), <code key="arch">{os.arch}</code>],
          ]}
        />
      ) : null}
    </Card>
  );
}

export function SupportSection({ detection }: { detection: DetectionSnapshot | null }) {
  const { t } = useTranslation();
  const arrived = detection !== null && detection.supported !== undefined;
  const reason =
    arrived && detection.supportReason
      ? describeCode(t, {
          code: detection.supportText?.code ?? detection.supportReason,
          message: detection.supportMessage ?? '',
          params: detection.supportText?.params,
        })
      : null;
  return (
    <Card
      title={t('detect.support.title')}
      pending={!arrived}
      className={arrived && !detection.supported ? 'card-support is-bad' : 'card-support'}
    >
      {arrived ? (
        <>
          <p className="token-line">
            <span className="token-label">{t('detect.support.token')}</span>
            <code className="token" data-testid="os-token">
              {detection.token ?? t('detect.support.noToken')}
            </code>
          </p>
          <p className="verdict" data-testid="support-verdict">
            {detection.supported ? (
              <StatusText icon="ok" label={t('detect.support.supported')} />
            ) : (
              <StatusText icon="fail" label={t('detect.support.unsupported')} />
            )}
          </p>
          {reason ? <p className="reason">{reason.message}</p> : null}
          {reason?.hint ? <p className="muted">{reason.hint}</p> : null}
        </>
      ) : null}
    </Card>
  );
}

export function PrivilegeSection({ privileges }: { privileges: PrivilegeFacts | undefined }) {
  const { t } = useTranslation();
  const p = privileges;
  return (
    <Card title={t('detect.privileges.title')} pending={!p}>
      {p ? (
        <>
          <p>
            {p.elevated ? (
              <StatusText icon="ok" label={t('detect.privileges.elevated', { user: p.user })} />
            ) : p.canElevate ? (
              <StatusText
                icon="info"
                label={t(`detect.privileges.via.${p.method === 'uac' ? 'uac' : 'pkexec'}`, { user: p.user })}
              />
            ) : (
              <StatusText icon="warn" label={t('detect.privileges.unavailable', { user: p.user })} />
            )}
          </p>
          {!p.elevated && (p.hint !== undefined || !p.canElevate) ? (
            <p className="muted">
              {p.hint !== undefined ? describeCoreText(t, p.hintText, p.hint) : t('detect.privileges.unavailableHint')}
            </p>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

function DiskRow({ check }: { check: DiskCheck }) {
  const { t, i18n } = useTranslation();
  const free = check.freeBytes === null ? t('common.unknown') : formatBytes(check.freeBytes, i18n.language);
  const required = formatBytes(check.requiredBytes, i18n.language);
  const icon = check.ok === true ? 'ok' : check.ok === false ? 'fail' : 'warn';
  const label =
    check.ok === true
      ? t('detect.disk.enough')
      : check.ok === false
        ? t('detect.disk.notEnough')
        : t('detect.disk.unknown');
  return (
    <tr>
      <th scope="row">
        <code>{check.path}</code>
      </th>
      <td>{free}</td>
      <td>{required}</td>
      <td>
        <StatusText icon={icon} label={label} />
      </td>
    </tr>
  );
}

export function DiskSection({ disk, pending }: { disk: DiskCheck[] | null | undefined; pending: boolean }) {
  const { t } = useTranslation();
  const waiting = !disk && pending;
  return (
    <Card title={t('detect.disk.title')} pending={waiting} className="card-wide">
      {disk && disk.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('detect.disk.path')}</th>
              <th scope="col">{t('detect.disk.free')}</th>
              <th scope="col">{t('detect.disk.required')}</th>
              <th scope="col">{t('detect.disk.status')}</th>
            </tr>
          </thead>
          <tbody>
            {disk.map((check) => (
              <DiskRow key={check.path} check={check} />
            ))}
          </tbody>
        </table>
      ) : waiting ? null : (
        <p className="muted">{t('detect.disk.notChecked')}</p>
      )}
    </Card>
  );
}
