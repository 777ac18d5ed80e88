/** The replication appliance's config.json: read in the page, checked to be JSON, never displayed. */
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusText } from '../components/status-text';
import { formatBytes } from '../format/units';

const MAX_CHARS = 1_000_000;

export function ConfigJsonField({
  fileName,
  text,
  onLoad,
  onClear,
}: {
  fileName: string | null;
  text: string | null;
  onLoad: (fileName: string, text: string) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const content = await file.text();
    if (content.length > MAX_CHARS) return setError(t('server.modern.tooLarge', { name: file.name }));
    try {
      const parsed: unknown = JSON.parse(content);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      return setError(t('server.modern.notJson', { name: file.name }));
    }
    setError(null);
    onLoad(file.name, content);
  };

  return (
    <div className="field">
      <span className="label-text" id={`${id}-label`}>
        {t('server.modern.label')}
      </span>
      <div className="input-group">
        <input
          id={id}
          type="file"
          className="visually-hidden file-input"
          accept=".json,application/json"
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          aria-invalid={error !== null}
          onChange={(e) => void onFile(e)}
        />
        <label htmlFor={id} className="button file-button">
          {t('server.modern.choose')}
        </label>
        {fileName && text ? (
          <>
            <StatusText
              icon="ok"
              label={t('server.modern.loaded', { name: fileName, size: formatBytes(text.length, i18n.language) })}
            />
            <button type="button" className="button small" onClick={onClear}>
              {t('server.modern.remove')}
            </button>
          </>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p id={helpId} className="help">
        {t('server.modern.help')}
      </p>
    </div>
  );
}
