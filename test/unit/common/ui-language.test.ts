import { describe, expect, it } from 'vitest';
import { languageOfLocale, localeOfEnvironment } from '../../../common/ui-language';

describe('UI language from a locale', () => {
  it.each([
    ['ko_KR.UTF-8', 'ko'],
    ['ko-KR', 'ko'],
    ['KO', 'ko'],
    ['en_US.UTF-8', 'en'],
    ['en-GB', 'en'],
    ['C', null],
    ['C.UTF-8', null],
    ['POSIX', null],
    ['de_DE.UTF-8', null],
    ['', null],
    [null, null],
  ])('%s → %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, as the C library does; empty values do not count', () => {
    expect(localeOfEnvironment({ LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' })).toBe('ko_KR.UTF-8');
    expect(localeOfEnvironment({ LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en_US.UTF-8');
    expect(localeOfEnvironment({ LANG: 'ko_KR.UTF-8', LC_ALL: '' })).toBe('ko_KR.UTF-8');
    expect(localeOfEnvironment({})).toBeNull();
  });
});
