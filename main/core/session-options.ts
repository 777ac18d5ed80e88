import type { SessionInfo } from '../../common/api';
import { localeOfEnvironment } from '../../common/ui-language';

declare const __APP_VERSION__: string;

type SessionOptions = Omit<SessionInfo, 'root' | 'platform' | 'folders'>;

/**
 * The one place a front door's session is put together (createCore adds root, platform and the OS's folders). Each front door
 * names itself truthfully: the CLI is 'cli', not a browser. `appVersion` is the build's version; the
 * Electron window passes app.getVersion() for a build without one.
 */
export function sessionOptions(
  shell: SessionInfo['shell'],
  options: {
    demo?: boolean;
    defaults?: Partial<SessionInfo['defaults']>;
    fallbackVersion?: string;
    locale?: string;
  } = {},
): SessionOptions {
  return {
    shell,
    demo: options.demo === true,
    defaults: {
      installerDir: options.defaults?.installerDir ?? null,
      csEndpoint: options.defaults?.csEndpoint ?? null,
      dataPort: options.defaults?.dataPort ?? null,
    },
    // The Electron window passes app.getLocale(); the CLI and the browser host speak the OS locale of their process.
    locale: options.locale ?? localeOfEnvironment(process.env),
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (options.fallbackVersion ?? '0.0.0-dev'),
  };
}
