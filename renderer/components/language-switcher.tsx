/** The language switcher in the header: each language by its own name; the choice holds for this session. */
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, chooseLanguage } from '../i18n';
import { languageOfLocale } from '../../common/ui-language';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = languageOfLocale(i18n.resolvedLanguage) ?? 'en';
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        value={current}
        data-testid="language-switcher"
        onChange={(event) => {
          const language = languageOfLocale(event.target.value);
          if (language) void chooseLanguage(i18n, language);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
