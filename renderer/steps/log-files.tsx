/** The vendor's log files for this job: view the text here, or open it in the desktop's viewer (Electron). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../common/result';
import { Card } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { ModalDialog } from '../components/modal-dialog';
import { useWizard } from '../flow/wizard-context';

interface Viewing {
  path: string;
  text: string | null;
  truncated: boolean;
  error: AppError | null;
}

export function LogFiles({ files }: { files: string[] }) {
  const { t } = useTranslation();
  const { state, transport } = useWizard();
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [openError, setOpenError] = useState<AppError | null>(null);
  const electron = state.session?.shell === 'electron';

  const view = async (path: string) => {
    setViewing({ path, text: null, truncated: false, error: null });
    try {
      const reply = await transport.call('readLogFile', { path });
      setViewing(reply.ok ? { path, text: reply.value.text, truncated: reply.value.truncated, error: null } : { path, text: null, truncated: false, error: reply.error });
    } catch (err) {
      setViewing({ path, text: null, truncated: false, error: { code: 'transport.failed', message: String(err) } });
    }
  };

  const open = async (path: string) => {
    setOpenError(null);
    try {
      const reply = await transport.call('openLogFile', { path });
      if (!reply.ok) setOpenError(reply.error);
    } catch (err) {
      setOpenError({ code: 'transport.failed', message: String(err) });
    }
  };

  return (
    <Card title={t('summary.logFiles')}>
      <ul className="log-files">
        {files.map((file) => (
          <li key={file}>
            <code className="path">{file}</code>
            <span className="log-file-actions">
              <button type="button" className="button small" aria-label={t('summary.viewLogNamed', { file })} onClick={() => void view(file)}>
                {t('summary.viewLog')}
              </button>
              {electron ? (
                <button type="button" className="button small" aria-label={t('summary.openLogNamed', { file })} onClick={() => void open(file)}>
                  {t('summary.openLog')}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {openError ? <ErrorNotice error={openError} /> : null}
      {viewing ? (
        <ModalDialog title={viewing.path} onClose={() => setViewing(null)}>
          {viewing.error ? <ErrorNotice error={viewing.error} /> : null}
          {viewing.text === null && !viewing.error ? <p className="muted">{t('common.loading')}</p> : null}
          {viewing.truncated ? <p className="muted">{t('summary.truncated')}</p> : null}
          {viewing.text !== null ? (
            <pre className="log-text" tabIndex={0} aria-label={t('summary.logText')}>
              {viewing.text}
            </pre>
          ) : null}
        </ModalDialog>
      ) : null}
    </Card>
  );
}
