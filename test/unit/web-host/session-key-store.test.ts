import { describe, expect, it } from 'vitest';
import { createSessionKeyStore } from '../../../renderer/api/session-key';
import type { SessionKeyPage } from '../../../renderer/api/session-key';

const KEY = 'k'.repeat(43);

function fakePage(hash: string, storage: Map<string, string> | 'broken' = new Map()) {
  const replaced: string[] = [];
  const page: SessionKeyPage = {
    location: { hash, pathname: '/', search: '' },
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
  return { page, replaced, storage };
}

describe('the page keeps the browser host session key', () => {
  it('moves the key from the landing fragment into localStorage and clears the address bar', () => {
    const { page, replaced, storage } = fakePage(`#session=${KEY}`);
    const store = createSessionKeyStore(page);
    expect(replaced).toEqual(['/']);
    expect(store.get()).toBe(KEY);
    expect(storage !== 'broken' && [...storage.values()]).toEqual([KEY]);
  });

  it('finds the key in localStorage after a reload or in a new tab (no fragment)', () => {
    const storage = new Map([['mobility-setup.session-key', KEY]]);
    const { page, replaced } = fakePage('', storage);
    expect(createSessionKeyStore(page).get()).toBe(KEY);
    expect(replaced).toEqual([]);
  });

  it('follows a newer key another tab stored', () => {
    const storage = new Map<string, string>();
    const store = createSessionKeyStore(fakePage(`#session=${KEY}`, storage).page);
    storage.set('mobility-setup.session-key', 'n'.repeat(43));
    expect(store.get()).toBe('n'.repeat(43));
  });

  it('clears but ignores a malformed fragment, and keeps the key in memory when storage is off', () => {
    const bad = fakePage('#session=<script>');
    expect(createSessionKeyStore(bad.page).get()).toBeNull();
    expect(bad.replaced).toEqual(['/']);
    const off = fakePage(`#session=${KEY}`, 'broken');
    expect(createSessionKeyStore(off.page).get()).toBe(KEY);
  });
});
