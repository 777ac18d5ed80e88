/** Step 2: find the installer file for this OS in a folder, and show exactly which file and checksum. */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallerChoice, InstallerOwner } from '../../common/install';
import { hasControlCharacter } from '../../common/path-input';
import { Card, Facts } from '../components/card';
import { CopyButton } from '../components/copy-button';
import { ErrorNotice } from '../components/error-notice';
import { StepHeading } from '../components/step-heading';
import { StatusText } from '../components/status-text';
import { formatBytes } from '../format/units';
import { useWizard } from '../flow/wizard-context';
import { installerBlocker } from '../flow/wizard-guards';
import { StepActions } from './step-actions';

function ChecksumState({ choice }: { choice: InstallerChoice }) {
  const { t } = useTranslation();
  if (choice.checksum === 'match')
    return <StatusText icon="ok" label={t('installer.checksum.match')} className="good" />;
  if (choice.checksum === 'absent') return <StatusText icon="info" label={t('installer.checksum.absent')} />;
  return <StatusText icon="fail" label={t('installer.checksum.mismatch')} className="bad" />;
}

/** "root (uid 0), mode 0644": whose file will run as root, so a surprising owner stands out. */
function OwnerText({ owner }: { owner: InstallerOwner }) {
  const { t } = useTranslation();
  return (
    <span>
      {t('installer.chosen.ownerValue', {
        user: owner.user ?? t('installer.chosen.noUserName'),
        uid: owner.uid,
        mode: owner.mode,
      })}
    </span>
  );
}

function ChosenInstaller({ choice }: { choice: InstallerChoice }) {
  const { t, i18n } = useTranslation();
  const c = choice.chosen;
  const ownerRow: Array<[string, ReactNode]> = choice.owner
    ? [[t('installer.chosen.owner'), <OwnerText key="owner" owner={choice.owner} />]]
    : [];
  return (
    <Card title={t('installer.chosen.title')} className="card-wide">
      <p className="file-name">
        <code>{c.fileName}</code>
      </p>
      <Facts
        rows={[
          [t('installer.chosen.version'), c.version],
          [t('installer.chosen.token'), <code key="token">{c.token}</code>],
          [t('installer.chosen.size'), formatBytes(c.sizeBytes, i18n.language)],
          [
            t('installer.chosen.sha256'),
            <span className="hash-row" key="sha">
              <code className="hash">{choice.sha256}</code>
              <CopyButton value={choice.sha256} label={t('installer.chosen.copySha')} />
            </span>,
          ],
          [t('installer.chosen.checksum'), <ChecksumState key="sum" choice={choice} />],
          ...ownerRow,
        ]}
      />
      {choice.checksum === 'mismatch' ? (
        <ErrorNotice
          error={{
            code: 'installer.checksumMismatch',
            message: t('installer.mismatchMessage', { file: choice.checksumFile ?? '' }),
            hint: t('installer.mismatchHint'),
          }}
        />
      ) : null}
    </Card>
  );
}

export function InstallerStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions } = useWizard();
  const dirId = useId();
  const installDirId = useId();
  const installDirHelpId = useId();
  const autoSearched = useRef(false);
  // The core's OS profile names the default; the renderer never writes an OS's folder itself.
  const defaultInstallDir = state.session?.folders.installDir ?? '';
  const blocker = installerBlocker(state);
  // The core refuses these too; saying so as typed keeps the person from a round trip that cannot succeed.
  const dirHasControl = hasControlCharacter(state.installerDir);
  const installDirHasControl = hasControlCharacter(state.installDir);
  const dirErrorId = useId();
  const installDirErrorId = useId();

  // A folder given on the command line (--installer-dir, demo) is searched once when the step opens;
  // a folder the user types is searched when they ask.
  const [autoDir] = useState(() =>
    state.installer === null && state.installerDir.trim() ? state.installerDir.trim() : null,
  );
  useEffect(() => {
    if (autoSearched.current || autoDir === null) return;
    autoSearched.current = true;
    void actions.findInstaller(autoDir);
  }, [actions, autoDir]);

  const onFind = (event: FormEvent) => {
    event.preventDefault();
    if (state.installerDir.trim() && !dirHasControl) void actions.findInstaller(state.installerDir.trim());
  };

  return (
    <>
      <StepHeading lead={t('installer.lead')}>{t('installer.heading')}</StepHeading>
      <form className="form-row" onSubmit={onFind}>
        <div className="field grow">
          <label htmlFor={dirId}>{t('installer.folder')}</label>
          <input
            id={dirId}
            type="text"
            className="input mono"
            value={state.installerDir}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={dirHasControl}
            aria-describedby={dirHasControl ? dirErrorId : undefined}
            onChange={(e) => dispatch({ type: 'setInstallerDir', dir: e.target.value })}
          />
          {dirHasControl ? (
            <p id={dirErrorId} className="field-error" role="alert">
              {t('installer.controlCharacter')}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="button"
          disabled={state.findingInstaller || state.installerDir.trim() === '' || dirHasControl}
        >
          {t('installer.find')}
        </button>
      </form>
      <p className="live-status" role="status">
        {state.findingInstaller ? <StatusText icon="running" label={t('installer.searching')} /> : ''}
      </p>
      {state.installerError ? (
        <ErrorNotice error={state.installerError}>
          {state.installerError.params?.found ? (
            <p className="muted">{t('installer.seen', { files: state.installerError.params.found })}</p>
          ) : null}
        </ErrorNotice>
      ) : null}
      {state.installer ? <ChosenInstaller choice={state.installer} /> : null}
      <div className="field">
        <label htmlFor={installDirId}>{t('installer.installDir')}</label>
        <input
          id={installDirId}
          type="text"
          className="input mono"
          value={state.installDir}
          placeholder={defaultInstallDir}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={installDirHasControl}
          aria-describedby={installDirHasControl ? `${installDirHelpId} ${installDirErrorId}` : installDirHelpId}
          onChange={(e) => dispatch({ type: 'setInstallDir', dir: e.target.value })}
        />
        {installDirHasControl ? (
          <p id={installDirErrorId} className="field-error" role="alert">
            {t('installer.controlCharacter')}
          </p>
        ) : null}
        <p id={installDirHelpId} className="help">
          {t('installer.installDirHelp', { dir: defaultInstallDir })}
        </p>
      </div>
      <StepActions back="detect" next="server" blocker={blocker && !state.findingInstaller ? blocker : null} />
    </>
  );
}
