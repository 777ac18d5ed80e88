/**
 * The vendor's log files for this job: view them in the log viewer (opens at the end, search, jump to errors),
 * or open them in the desktop's viewer (Electron).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../common/result';
import { Card } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { ModalDialog } from '../components/modal-dialog';
import { useWizard } from '../flow/wizard-context';
import { LogViewer } from '../troubleshoot/log-viewer';

export function LogFiles({ files }: { files: string[] }) {
  const { t } = useTranslation();
  const { state, transport } = useWizard();
  const [viewing, setViewing] = useState<string | null>(null);
  const [openError, setOpenError] = useState<AppError | null>(null);
  const electron = state.session?.shell === 'electron';

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
              <button
                type="button"
                className="button small"
                aria-label={t('summary.viewLogNamed', { file })}
                onClick={() => setViewing(file)}
              >
                {t('summary.viewLog')}
              </button>
              {electron ? (
                <button
                  type="button"
                  className="button small"
                  aria-label={t('summary.openLogNamed', { file })}
                  onClick={() => void open(file)}
                >
                  {t('summary.openLog')}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {openError ? <ErrorNotice error={openError} /> : null}
      {viewing ? (
        <ModalDialog title={viewing} onClose={() => setViewing(null)}>
          <LogViewer path={viewing} />
        </ModalDialog>
      ) : null}
    </Card>
  );
}
