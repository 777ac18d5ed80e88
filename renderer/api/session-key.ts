import { SESSION_KEY_PATTERN, SESSION_META_NAME, SESSION_STORAGE_KEY } from '../../common/web-session';

/** The parts of the page the key store touches; tests pass their own. */
export interface SessionKeyPage {
  location: Pick<Location, 'pathname'>;
  history: Pick<History, 'replaceState'>;
  document: Pick<Document, 'querySelector'>;
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export interface SessionKeyStore {
  /** The key to send, or null when this browser never redeemed a link for this host. */
  get(): string | null;
}

/**
 * The browser host's session key (see common/web-session.ts). The token landing answers the page with the key in
 * a `<meta name="mobility-session">`: the key is moved into localStorage at once, the element removed, and the
 * landing's URL (its spent `?token=`) replaced by the path alone in the address bar and history. localStorage
 * belongs to http://127.0.0.1:PORT alone (origins include the port, cookies do not), and every tab of this
 * browser shares it, so a reload or a new tab after a dropped tunnel finds the session.
 * The key is read back on every use: when another tab redeems a newer link, this tab follows it.
 */
export function createSessionKeyStore(page: SessionKeyPage): SessionKeyStore {
  let remembered: string | null = null;
  const meta = page.document.querySelector(`meta[name="${SESSION_META_NAME}"]`);
  if (meta !== null) {
    const fromLanding = meta.getAttribute('content') ?? '';
    meta.remove();
    page.history.replaceState(null, '', page.location.pathname);
    if (SESSION_KEY_PATTERN.test(fromLanding)) {
      remembered = fromLanding;
      write(page, fromLanding);
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
