import { describe, expect, it } from 'vitest';
import { createSessionKeyStore } from '../../../renderer/api/session-key';
import type { SessionKeyPage } from '../../../renderer/api/session-key';

const KEY = 'k'.repeat(43);

/** A page as the landing answers it: `content` is the key in its `<meta name="mobility-session">`, null for none. */
function fakePage(content: string | null, storage: Map<string, string> | 'broken' = new Map()) {
  const replaced: string[] = [];
  const removed: string[] = [];
  const meta =
    content === null
      ? null
      : ({ getAttribute: () => content, remove: () => void removed.push(content) } as unknown as Element);
  const page: SessionKeyPage = {
    location: { pathname: '/' },
    document: { querySelector: (selector: string) => (selector === 'meta[name="mobility-session"]' ? meta : null) },
    history: {
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)),
    },
    localStorage:
      storage === 'broken'
        ? {
            getItem: () => {
              throw new Error('SecurityError');
            },
            setItem: () => {
              throw new Error('QuotaExceededError');
            },
          }
        : { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
  };
  return { page, replaced, removed, storage };
}

describe('the page keeps the browser host session key', () => {
  it("moves the key from the landing's meta into localStorage, removes the element and the token's URL", () => {
    const { page, replaced, removed, storage } = fakePage(KEY);
    const store = createSessionKeyStore(page);
    expect(replaced).toEqual(['/']);
    expect(removed).toEqual([KEY]);
    expect(store.get()).toBe(KEY);
    expect(storage !== 'broken' && [...storage.values()]).toEqual([KEY]);
  });

  it('finds the key in localStorage after a reload or in a new tab (no fragment)', () => {
    const storage = new Map([['mobility-setup.session-key', KEY]]);
    const { page, replaced } = fakePage(null, storage);
    expect(createSessionKeyStore(page).get()).toBe(KEY);
    expect(replaced).toEqual([]);
  });

  it('follows a newer key another tab stored', () => {
    const storage = new Map<string, string>();
    const store = createSessionKeyStore(fakePage(KEY, storage).page);
    storage.set('mobility-setup.session-key', 'n'.repeat(43));
    expect(store.get()).toBe('n'.repeat(43));
  });

  it('removes but ignores a malformed key, and keeps the key in memory when storage is off', () => {
    const bad = fakePage('<script>');
    expect(createSessionKeyStore(bad.page).get()).toBeNull();
    expect(bad.replaced).toEqual(['/']);
    const off = fakePage(KEY, 'broken');
    expect(createSessionKeyStore(off.page).get()).toBe(KEY);
  });
});
