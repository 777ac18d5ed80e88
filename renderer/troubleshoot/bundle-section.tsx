/**
 * The diagnostics bundle: prepared (gathered, redacted, listed) first by a job whose steps and live log show here,
 * with Cancel, then saved: in the Electron window through the native save dialog the main process opens (the page
 * sends no path), in the browser host by the browser's own download or to a new file on the server the person names.
 * The path field is checked by the one path rule (common/path-input.ts) before it is sent; the core refuses a
 * relative path and never writes over a file.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../common/install';
import { checkPathInput } from '../../common/path-input';
import type { AppError } from '../../common/result';
import type { PreparedBundle } from '../../common/troubleshoot';
import { Card } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { StatusText } from '../components/status-text';
import { useWizard } from '../flow/wizard-context';
import { formatBytes } from '../format/units';
import { JobPanel } from '../components/job-panel';

const failure = (err: unknown): AppError => ({ code: 'transport.failed', message: String(err) });

export function BundleSection({ expectedServer }: { expectedServer: string | null }) {
  const { t, i18n } = useTranslation();
  const { transport } = useWizard();
  const pathId = useId();
  const [busy, setBusy] = useState(false);
  const [bundle, setBundle] = useState<PreparedBundle | null>(null);
  const [target, setTarget] = useState('');
  const [saved, setSaved] = useState<{ file: string; sizeBytes: number } | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // The bundle is prepared by a job: follow the one this Prepare started (one job runs at a time).
  const [job, setJob] = useState<JobSnapshot | null>(null);
  useEffect(() => {
    if (!busy || bundle) return;
    return transport.onEvent('job', (snapshot) => {
      if (snapshot.kind !== 'diagnosticsBundle') return;
      // While this Prepare waits, a bundle job's event can only be its own (one job runs at a time).
      setJob((current) => (current === null || current.id === snapshot.id ? snapshot : current));
    });
  }, [busy, bundle, transport]);

  const prepare = async () => {
    setBusy(true);
    setJob(null);
    setError(null);
    setSaved(null);
    setDownloaded(null);
    setCancelled(false);
    try {
      const reply = await transport.call('prepareBundle', expectedServer ? { expectedServer } : {});
      if (reply.ok) setBundle(reply.value);
      else setError(reply.error);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };

  // Every way of saving runs the same: busy while it runs, a thrown transport error shown as such.
  const whileBusy = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  // A refusal comes before anything was written (an existing file, a relative path): the bundle is still
  // prepared, unless the core says it is gone.
  const refused = (refusal: AppError) => {
    setError(refusal);
    if (refusal.code === 'bundle.notFound') setBundle(null);
  };
  const spent = () => {
    setBundle(null);
    setError(null);
  };

  const save = async () => {
    if (!bundle) return;
    const check = checkPathInput(target.trim(), t('troubleshoot.savePath'));
    if (!check.ok) return setError({ code: check.code, message: check.message });
    await whileBusy(async () => {
      const reply = await transport.call('saveBundle', { bundleId: bundle.bundleId, path: target.trim() });
      if (!reply.ok) return refused(reply.error);
      setSaved(reply.value);
      spent();
    });
  };

  // In the Electron window: the main process asks where with the native dialog; a cancel keeps the bundle prepared.
  const saveWithDialog = async () => {
    if (!bundle) return;
    setCancelled(false);
    await whileBusy(async () => {
      const reply = await transport.call('saveBundleWithDialog', {
        bundleId: bundle.bundleId,
        language: i18n.resolvedLanguage === 'ko' ? 'ko' : 'en',
      });
      if (!reply.ok) return refused(reply.error);
      if (!reply.value.saved) {
        setCancelled(true);
        setError(null);
        return;
      }
      setSaved(reply.value);
      spent();
    });
  };

  // In the browser host: the browser's own download, saved where the person's browser saves (or asks).
  const download = async () => {
    if (!bundle || !transport.downloadBundle) return;
    await whileBusy(async () => {
      const reply = await transport.downloadBundle!(bundle.bundleId);
      if (!reply.ok) return refused(reply.error);
      setDownloaded(reply.value.fileName);
      spent();
    });
  };

  const discard = async () => {
    if (!bundle) return;
    setBundle(null);
    await transport.call('discardBundle', { bundleId: bundle.bundleId }).catch(() => undefined);
  };

  return (
    <Card title={t('troubleshoot.bundleTitle')} className="card-wide">
      <p className="muted">{t('troubleshoot.bundleLead')}</p>
      {busy && !bundle ? <StatusText icon="running" label={t('troubleshoot.preparing')} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {job ? <JobPanel key={job.id} job={job} keys="troubleshoot.bundleJob" testId="bundle-job" /> : null}
      {saved ? (
        <p role="status" data-testid="bundle-saved">
          <StatusText
            icon="ok"
            label={t('troubleshoot.saved', { file: saved.file, size: formatBytes(saved.sizeBytes, i18n.language) })}
          />
        </p>
      ) : null}
      {downloaded ? (
        <p role="status" data-testid="bundle-downloaded">
          <StatusText icon="ok" label={t('troubleshoot.downloaded', { file: downloaded })} />
        </p>
      ) : null}
      {cancelled && bundle ? (
        <p role="status" data-testid="bundle-save-cancelled">
          <StatusText icon="warn" label={t('troubleshoot.saveCancelled')} />
        </p>
      ) : null}
      {bundle ? (
        <>
          <table className="bundle-entries" data-testid="bundle-entries">
            <caption className="muted">{t('troubleshoot.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('troubleshoot.entryName')}</th>
                <th scope="col">{t('troubleshoot.entrySize')}</th>
                <th scope="col">{t('troubleshoot.entrySource')}</th>
              </tr>
            </thead>
            <tbody>
              {bundle.entries.map((entry) => (
                <tr key={entry.name}>
                  <td>
                    <code>{entry.name}</code>
                  </td>
                  <td>{formatBytes(entry.sizeBytes, i18n.language)}</td>
                  <td>
                    {entry.source ? (
                      <code>{entry.source}</code>
                    ) : (
                      <span className="muted">{t('troubleshoot.madeHere')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {transport.downloadBundle ? (
            <div className="actions">
              <button type="button" className="button primary" onClick={() => void download()} disabled={busy}>
                {t('troubleshoot.download')}
              </button>
              <span className="muted">{t('troubleshoot.downloadHint')}</span>
            </div>
          ) : null}
          {transport.shell === 'electron' ? (
            <div className="actions">
              <button type="button" className="button" onClick={() => void discard()} disabled={busy}>
                {t('troubleshoot.discard')}
              </button>
              <button type="button" className="button primary" onClick={() => void saveWithDialog()} disabled={busy}>
                {t('troubleshoot.saveWithDialog')}
              </button>
              <span className="muted">{t('troubleshoot.saveWithDialogHint')}</span>
            </div>
          ) : (
            <form
              className="field"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <label htmlFor={pathId}>{t('troubleshoot.savePath')}</label>
              <input
                id={pathId}
                type="text"
                value={target}
                spellCheck={false}
                onChange={(e) => setTarget(e.target.value)}
              />
              <div className="actions">
                <button type="button" className="button" onClick={() => void discard()} disabled={busy}>
                  {t('troubleshoot.discard')}
                </button>
                <button type="submit" className="button primary" disabled={busy || target.trim() === ''}>
                  {t('troubleshoot.save')}
                </button>
              </div>
            </form>
          )}
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => void prepare()} disabled={busy}>
            {t('troubleshoot.prepare')}
          </button>
        </div>
      )}
    </Card>
  );
}
