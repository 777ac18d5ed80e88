/** App name, which shell hosts the wizard, DEMO, the sandbox root when not "/", and the language switcher. */
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../common/api';
import { LanguageSwitcher } from './language-switcher';

export function AppHeader({ session }: { session: SessionInfo | null }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <rect x="2" y="4" width="20" height="7" rx="2" />
          <rect x="2" y="13" width="20" height="7" rx="2" />
          <path d="M6 7.5h.01M6 16.5h.01" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      {session ? (
        <div className="badges">
          <span className="badge" data-testid="shell-badge">
            {session.shell === 'electron' ? t('app.shell.electron') : t('app.shell.browser')}
          </span>
          {session.demo ? (
            <span className="badge badge-demo" data-testid="demo-badge">
              {t('app.demo')}
            </span>
          ) : null}
          {session.root !== '/' ? (
            <span className="badge badge-root" data-testid="root-badge">
              {t('app.root', { root: session.root })}
            </span>
          ) : null}
          <span className="version">{t('app.version', { version: session.appVersion })}</span>
        </div>
      ) : null}
      <LanguageSwitcher />
    </header>
  );
}
