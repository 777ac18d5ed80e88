/**
 * The core's composed sentences (common/core-text/): every code of every family has an English and a Korean
 * text with the same placeholders, the Korean is Korean and uses the vendor's terms, and coreText() (the CLI's
 * way in) says a coded sentence in either language and falls back to the core's English.
 */
import { describe, expect, it } from 'vitest';
import { composeText, fillText } from '../../../common/core-text/coded-text';
import { CORE_TEXT_FAMILIES, coreText, coreTexts } from '../../../common/core-text/core-text';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe.each(Object.entries(CORE_TEXT_FAMILIES))('core text family %s', (_name, family) => {
  const codes = Object.keys(family.en);

  it('has a Korean text for every English code, and no other', () => {
    expect(Object.keys(family.ko).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s: same placeholders, Korean (Hangul) and not empty', (code) => {
    const en = (family.en as Record<string, string>)[code]!;
    const ko = (family.ko as Record<string, string>)[code]!;
    expect(placeholders(ko)).toEqual(placeholders(en));
    expect(ko).toMatch(/[\uac00-\ud7a3]/);
    expect(ko).not.toBe(en);
  });

  it("uses the vendor's Korean terms, never their English words in a Korean sentence", () => {
    const korean = Object.values(family.ko).join('\n');
    expect(korean).not.toMatch(/Mobility service|installer|configuration server|anti-virus/i);
    expect(korean).not.toMatch(/모빌리티|인스톨러|안티바이러스/);
  });
});

describe('the families together', () => {
  it("include the job outcomes' machine states, and no two families share a code (coreText merges them)", () => {
    expect(Object.keys(CORE_TEXT_FAMILIES)).toContain('job');
    const codes = Object.values(CORE_TEXT_FAMILIES).flatMap((family) => Object.keys(family.en));
    expect(codes.length).toBe(new Set(codes).size);
  });
});

describe('coreText', () => {
  const said = composeText(CORE_TEXT_FAMILIES.support.en, 'support.ok', {
    system: 'Ubuntu 22.04',
    token: 'UBUNTU-22.04-64',
  });

  it('says a coded sentence in English exactly as the core wrote it, and in Korean', () => {
    expect(said.message).toBe('Ubuntu 22.04 is supported (installer UBUNTU-22.04-64).');
    expect(coreText('en', said, said.message)).toBe(said.message);
    expect(coreText('ko', said, said.message)).toBe('Ubuntu 22.04은(는) 지원됩니다(설치 관리자 UBUNTU-22.04-64).');
  });

  it("falls back to the core's English for no code, an unknown code or a missing parameter", () => {
    expect(coreText('ko', undefined, 'as written')).toBe('as written');
    expect(coreText('ko', { code: 'support.fromTheFuture', params: {} }, 'as written')).toBe('as written');
    expect(coreText('ko', { code: 'support.ok', params: { system: 'X' } }, 'as written')).toBe('as written');
  });

  it('says coded sentences joined by spaces, with coded parameters in the same language, or all in English', () => {
    const none = composeText(CORE_TEXT_FAMILIES.antivirus.en, 'av.word.none');
    const { message: english, ...failed } = composeText(
      CORE_TEXT_FAMILIES.antivirus.en,
      'av.mdatp.listFailed',
      { exit: none.message },
      { exit: [{ code: none.code, params: none.params }] },
    );
    const note = { code: 'av.clamav.notRunning', params: {} };
    expect(english).toBe('mdatp exclusion list failed (exit none), so the exclusions cannot be read.');
    expect(coreTexts('ko', [failed, note], 'as written')).toBe(
      'mdatp exclusion list가 실패해(종료 코드 없음) 제외 항목을 읽을 수 없습니다. ' +
        'clamd가 지금 실행 중이 아닙니다. 제외는 clamd가 시작될 때 적용됩니다.',
    );
    const unknownInside = { ...failed, paramTexts: { exit: [{ code: 'av.fromTheFuture', params: {} }] } };
    expect(coreTexts('ko', [unknownInside, note], 'as written')).toBe('as written');
    expect(coreTexts('ko', [note, { code: 'av.fromTheFuture', params: {} }], 'as written')).toBe('as written');
    expect(coreTexts('ko', [], 'as written')).toBe('as written');
  });

  it('fills only the named placeholders and leaves an unknown one visible', () => {
    expect(fillText('{{a}} and {{b}} and {{toString}}', { a: 1 })).toBe('1 and {{b}} and {{toString}}');
  });
});
