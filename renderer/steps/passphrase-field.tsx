/**
 * The CS passphrase: masked by default, loadable from MobSvc.passphrase (read in the page, never uploaded
 * anywhere but the startInstall call), checked as typed.
 */
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassphrase, passphraseFromFileText } from '../../common/passphrase';
import { describeCode } from '../i18n/describe-error';

/** A passphrase file is one short line; anything this big is the wrong file. */
const MAX_FILE_BYTES = 64 * 1024;

export function PassphraseField({
  value,
  onChange,
  showEmptyError,
}: {
  value: string;
  onChange: (v: string) => void;
  showEmptyError: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const helpId = useId();
  const messageId = useId();
  const [visible, setVisible] = useState(false);
  const [touched, setTouched] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = checkPassphrase(value);
  const showError = !check.ok && (value !== '' || touched || showEmptyError);
  const message = fileError
    ? fileError
    : !check.ok && showError
      ? describeCode(t, { code: check.code, message: check.message }).message
      : check.ok && check.warning
        ? t('server.passphrase.unusualLength', { length: value.length })
        : null;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    // Clear the picker so the same file can be loaded again and the page keeps no File handle.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('server.passphrase.fileTooLarge', { name: file.name }));
      return;
    }
    setFileError(null);
    onChange(passphraseFromFileText(await file.text()));
    setTouched(true);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('server.passphrase.label')}</label>
      <div className="input-group">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          className="input mono"
          value={value}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={showError || fileError !== null}
          aria-describedby={message ? `${messageId} ${helpId}` : helpId}
          onChange={(e) => {
            setFileError(null);
            onChange(e.target.value);
          }}
          onBlur={() => setTouched(true)}
        />
        {/* A toggle: its name stays "Show" and aria-pressed says whether it is on. It has no aria-label, so
            the only control labelled "Passphrase" is the field itself. */}
        <button
          type="button"
          className="button toggle"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((v) => !v)}
        >
          {t('server.passphrase.showShort')}
        </button>
        {/* The picker is driven by the button; hidden from the accessibility tree so it adds no second "passphrase" label. */}
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="passphrase-file"
          accept=".passphrase,.txt,text/plain"
          onChange={(e) => void onFile(e)}
        />
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t('server.passphrase.load')}
        </button>
      </div>
      {message ? (
        <p id={messageId} className={showError || fileError ? 'field-error' : 'field-warning'}>
          {message}
        </p>
      ) : null}
      <p id={helpId} className="help">
        {t('server.passphrase.help')} <code>{t('server.passphrase.command')}</code>
      </p>
    </div>
  );
}
