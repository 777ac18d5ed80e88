import { describe, expect, it } from 'vitest';
import { createI18n, loadLaterStepCatalogs } from '../../../renderer/i18n';
import { describeCode } from '../../../renderer/i18n/describe-error';

describe('renderer i18n', () => {
  it('falls back to English for a language without a catalog', () => {
    const i18n = createI18n('de-DE');
    expect(i18n.t('detect.heading')).toBe('This server');
    expect(i18n.resolvedLanguage).toBe('en');
  });

  it('translates a core code by its code, with its params', async () => {
    const i18n = createI18n('en');
    await loadLaterStepCatalogs(i18n);
    const { t } = i18n;
    expect(describeCode(t, { code: 'exit.14', message: 'core text', hint: 'core hint' })).toEqual({
      message: 'The passphrase or the configuration server address is not valid.',
      hint: expect.stringContaining('genpassphrase.exe -v > MobSvc.passphrase'),
    });
    expect(describeCode(t, { code: 'installer.folderMissing', message: 'x', params: { dir: '/srv/in' } }).message).toBe(
      'The installer folder /srv/in does not exist or is not a folder.',
    );
  });

  it("uses the core's message and hint for an unknown code, or when a param the catalog needs is missing", () => {
    const { t } = createI18n('en');
    expect(
      describeCode(t, { code: 'brand.new', message: 'Core says what happened.', hint: 'Core says what next.' }),
    ).toEqual({
      message: 'Core says what happened.',
      hint: 'Core says what next.',
    });
    expect(
      describeCode(t, {
        code: 'installer.none',
        message: 'No installer for X in /d. Found: a.',
        hint: 'Put it there.',
      }),
    ).toEqual({
      message: 'No installer for X in /d. Found: a.',
      hint: 'Put it there.',
    });
    expect(describeCode(t, { code: 'exit.0', message: 'ok', hint: null }).hint).toBeNull();
  });

  it("one instance's later-step strings do not leak into the next instance's English (each has its own catalogs)", async () => {
    const first = createI18n('en');
    await loadLaterStepCatalogs(first);
    expect(first.exists('installer.heading')).toBe(true);
    expect(first.exists('exit.14', { ns: 'codes', keySeparator: false })).toBe(true);
    const next = createI18n('en');
    expect(next.exists('installer.heading')).toBe(false);
    expect(next.exists('exit.14', { ns: 'codes', keySeparator: false })).toBe(false);
    expect(next.t('detect.heading')).toBe(first.t('detect.heading'));
  });
});
