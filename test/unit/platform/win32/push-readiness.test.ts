/** Windows push-install readiness from `reg query` output (test/fixtures/win32). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFilterItem, win32PushReadiness } from '../../../../main/platform/win32/push-readiness';
import { parseRegQuery } from '../../../../main/platform/win32/reg-query';

const fixture = (name: string) =>
  parseRegQuery(readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8'));

describe('LocalAccountTokenFilterPolicy', () => {
  it('UAC on and no policy: not ready, with the reg add to run and the error IDs it prevents', () => {
    const item = tokenFilterItem(fixture('reg-uac-enabled.txt'));
    expect(item).toMatchObject({ state: 'notReady', preventsErrors: ['95107', '95108'] });
    expect(item.finding).toContain('not set');
    expect(item.remedy).toContain('/v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1');
  });

  it('policy 1: ready; UAC off: ready; unreadable key: unknown', () => {
    expect(tokenFilterItem(fixture('reg-policies-system-token-filter.txt')).state).toBe('ok');
    expect(tokenFilterItem(fixture('reg-uac-disabled.txt'))).toMatchObject({
      state: 'ok',
      finding: expect.stringContaining('EnableLUA 0') as string,
    });
    expect(tokenFilterItem(null).state).toBe('unknown');
  });

  it('with no netsh list and no key: every item unknown, each with its fix and the error IDs it prevents', () => {
    const items = win32PushReadiness(null, null);
    expect(items.map((i) => [i.id, i.state, i.preventsErrors.join('/')])).toEqual([
      ['fileAndPrinterSharing', 'unknown', '95105/95106/95117/95523'],
      ['wmi', 'unknown', '95103'],
      ['localAccountTokenFilterPolicy', 'unknown', '95107/95108'],
    ]);
    expect(items[0]!.remedy).toContain('netsh advfirewall firewall set rule group="File and Printer Sharing"');
  });
});
