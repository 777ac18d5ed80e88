/**
 * Both languages are complete: every key of every English catalog has a Korean text and the other way round (tsc
 * checks the shapes too; this test also covers the known-error table, whose ids are data), no text is empty,
 * and each {{placeholder}} of the English text is in the Korean one (a missing one would show a bare value).
 */
import { describe, expect, it } from 'vitest';
import { CORE_TEXT_FAMILIES } from '../../../common/core-text/core-text';
import { KNOWN_ERRORS } from '../../../common/known-errors';
import { createI18n, loadLanguage, loadLaterStepCatalogs } from '../../../renderer/i18n';
import { describeCode } from '../../../renderer/i18n/describe-error';
import { enUi } from '../../../renderer/i18n/en';
import { enCodes, enHints } from '../../../common/i18n/en-codes';
import { enLaterStepsUi } from '../../../renderer/i18n/en-later-steps';
import { enTroubleshootUi } from '../../../renderer/i18n/en-troubleshoot';
import { koUi } from '../../../renderer/i18n/ko';
import { koCodes, koHints } from '../../../common/i18n/ko-codes';
import { koLaterCodes } from '../../../renderer/i18n/ko-later-codes';
import { koLaterStepsUi } from '../../../renderer/i18n/ko-later-steps';
import { koTroubleshootUi } from '../../../renderer/i18n/ko-troubleshoot';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** Differences between two catalogs: keys only in one, empty texts, placeholders English has and Korean lacks. */
function compare(en: object, ko: object): string[] {
  const a = leaves(en as Tree);
  const b = leaves(ko as Tree);
  const problems: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) problems.push(`missing in Korean: ${key}`);
  for (const key of b.keys()) if (!a.has(key)) problems.push(`missing in English: ${key}`);
  for (const [key, text] of b) {
    if (text.trim() === '') problems.push(`empty in Korean: ${key}`);
    const enText = a.get(key);
    // English texts that are the core's own message take no params of their own.
    if (enText && enText !== '{{coreMessage}}') {
      const lacking = placeholders(enText).filter((p) => !placeholders(text).includes(p));
      if (lacking.length > 0) problems.push(`${key}: Korean lacks {{${lacking.join('}}, {{')}}}`);
    }
  }
  return problems;
}

const CATALOGS: Array<[string, object, object]> = [
  ['first screen (en.ts / ko.ts)', enUi, koUi],
  ['later steps (en-later-steps.ts / ko-later-steps.ts)', enLaterStepsUi, koLaterStepsUi],
  ['troubleshoot (en-troubleshoot.ts / ko-troubleshoot.ts)', enTroubleshootUi, koTroubleshootUi],
  // The core-composed sentences' English is the core's own (common/core-text/), so it is compared from there.
  [
    'codes (en-codes.ts + detection core texts / ko-codes.ts)',
    { ...enCodes, ...CORE_TEXT_FAMILIES.support.en, ...CORE_TEXT_FAMILIES.detection.en },
    koCodes,
  ],
  [
    'later core texts (common/core-text/ / ko-later-codes.ts)',
    {
      ...CORE_TEXT_FAMILIES.health.en,
      ...CORE_TEXT_FAMILIES.connectivity.en,
      ...CORE_TEXT_FAMILIES.antivirus.en,
      ...CORE_TEXT_FAMILIES.push.en,
      ...CORE_TEXT_FAMILIES.job.en,
    },
    koLaterCodes,
  ],
  [
    'hints (en-codes.ts / ko-codes.ts)',
    enHints,
    Object.fromEntries(Object.keys(enHints).map((k) => [k, (koHints as Record<string, string>)[k] ?? ''])),
  ],
];

describe('message catalogs', () => {
  it.each(CATALOGS)('%s: every key in both languages, no empty text, every placeholder kept', (_name, en, ko) => {
    expect(compare(en, ko)).toEqual([]);
  });

  it('every known vendor error of common/known-errors.ts is explained in Korean', () => {
    expect(compare(enLaterStepsUi.knownError, koLaterStepsUi.knownError)).toEqual([]);
    expect(Object.keys(koLaterStepsUi.knownError).sort()).toEqual(KNOWN_ERRORS.map((e) => e.id).sort());
  });

  it('the comparison itself finds a missing key, an extra key and a dropped placeholder', () => {
    expect(compare({ a: { b: 'B {{x}}', c: 'C' } }, { a: { b: 'B', d: 'D' } })).toEqual([
      'missing in Korean: a.c',
      'missing in English: a.d',
      'a.b: Korean lacks {{x}}',
    ]);
  });

  it('Korean uses the vendor page terms', () => {
    const all = [...leaves(koUi).values(), ...leaves(koLaterStepsUi).values()].join('\n');
    for (const term of [
      'Mobility 서비스',
      '구성 서버',
      '설치 관리자',
      '명령 프롬프트',
      '업데이트',
      '제거',
      '바이러스 백신',
      '설치 폴더',
    ]) {
      expect(all).toContain(term);
    }
    expect(all).not.toMatch(/모빌리티/);
  });
});

describe('Korean in the wizard', () => {
  it('translates the first screen, the later steps once loaded, and core codes with their params', async () => {
    const i18n = createI18n('ko-KR');
    // Korean is not bundled: English until its chunk is in, then Korean.
    expect(i18n.resolvedLanguage).toBe('en');
    await loadLanguage(i18n, 'ko-KR');
    expect(i18n.resolvedLanguage).toBe('ko');
    expect(i18n.t('detect.heading')).toBe('이 서버');
    await loadLaterStepCatalogs(i18n);
    expect(i18n.t('summary.exitCode', { code: 14 })).toBe('종료 코드 14');
    expect(i18n.t('knownError.curl7.meaning')).toMatch(/포트 443/);
    expect(
      describeCode(i18n.t, { code: 'installer.folderMissing', message: 'x', params: { dir: '/srv/in' } }).message,
    ).toBe('설치 관리자 폴더 /srv/in이(가) 없거나 폴더가 아닙니다.');
    // A code whose English is the core's own message gets Korean of its own, not the core's English.
    expect(
      describeCode(i18n.t, { code: 'install.diskSpace', message: 'Not enough free disk space (/usr/local).' }).message,
    ).toBe('디스크 여유 공간이 부족합니다.');
  });
});
