import { SESSION_FRAGMENT_KEY, SESSION_KEY_PATTERN, SESSION_STORAGE_KEY } from '../../common/web-session';

/** The parts of the page the key store touches; tests pass their own. */
export interface SessionKeyPage {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export interface SessionKeyStore {
  /** The key to send, or null when this browser never redeemed a link for this host. */
  get(): string | null;
}

/**
 * The browser host's session key (see common/web-session.ts). The token landing redirects to
 * `/#session=<key>`: the key is moved into localStorage at once and the fragment cleared from the address bar
 * and history. localStorage belongs to http://127.0.0.1:PORT alone (origins include the port, cookies do not),
 * and every tab of this browser shares it, so a reload or a new tab after a dropped tunnel finds the session.
 * The key is read back on every use: when another tab redeems a newer link, this tab follows it.
 */
export function createSessionKeyStore(page: SessionKeyPage): SessionKeyStore {
  let remembered: string | null = null;
  const fromFragment = new URLSearchParams(page.location.hash.replace(/^#/, '')).get(SESSION_FRAGMENT_KEY);
  if (fromFragment !== null) {
    page.history.replaceState(null, '', page.location.pathname + page.location.search);
    if (SESSION_KEY_PATTERN.test(fromFragment)) {
      remembered = fromFragment;
      write(page, fromFragment);
    }
  }
  return {
    get() {
      const stored = read(page);
      if (stored !== null) remembered = stored;
      return remembered;
    },
  };
}

// Storage can be switched off or full; the key then lives in this tab's memory only (a reload needs a new link).
function read(page: SessionKeyPage): string | null {
  try {
    const value = page.localStorage?.getItem(SESSION_STORAGE_KEY) ?? null;
    return value !== null && SESSION_KEY_PATTERN.test(value) ? value : null;
  } catch {
    return null;
  }
}

function write(page: SessionKeyPage, key: string): void {
  try {
    page.localStorage?.setItem(SESSION_STORAGE_KEY, key);
  } catch {
    // See read().
  }
}
