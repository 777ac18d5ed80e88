/** The configuration server address, validated as typed with the same parser the core uses. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEndpoint } from '../../common/endpoint';
import { describeCode } from '../i18n/describe-error';

export function EndpointField({
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
  const helpId = useId();
  const errorId = useId();
  const [touched, setTouched] = useState(false);
  const parsed = parseEndpoint(value);
  const showError = !parsed.ok && (value.trim() !== '' || touched || showEmptyError);
  const error = !parsed.ok && showError ? describeCode(t, { code: parsed.code, message: parsed.message }) : null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('server.classic.address')}</label>
      <input
        id={id}
        type="text"
        className="input mono"
        value={value}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={showError}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setTouched(true)}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error.message}
        </p>
      ) : null}
      <p id={helpId} className="help">
        {parsed.ok
          ? t('server.classic.addressResolved', { host: parsed.endpoint.host, port: parsed.endpoint.port })
          : t('server.classic.addressHelp')}
      </p>
    </div>
  );
}
