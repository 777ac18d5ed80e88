/**
 * The CLI's language (README: "Languages"): --lang, else LC_ALL / LC_MESSAGES / LANG, else English; the text
 * output changes, the --json envelope's keys do not. Runs the built CLI as a real child process.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEn } from '../../../main/cli/i18n/cli-en';
import { cliKo } from '../../../main/cli/i18n/cli-ko';
import { padColumns } from '../../../common/text-columns';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { REPO, runCli } from '../../world/cli-process';

const fixtureRoot = path.join(REPO, 'test/fixtures/roots/debian-12');
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
/** The one Korean text that says more than its English one: the progress line names the step in words. */
const KOREAN_ONLY: Record<string, string[]> = { 'progress.line': ['step'] };

describe('CLI catalogs', () => {
  it('Korean has every English key, no empty text, and every placeholder', () => {
    expect(Object.keys(cliKo).sort()).toEqual(Object.keys(cliEn).sort());
    for (const [key, text] of Object.entries(cliKo)) {
      expect(text.trim(), key).not.toBe('');
      const english = [...placeholders(cliEn[key as keyof typeof cliEn]), ...(KOREAN_ONLY[key] ?? [])].sort();
      expect(placeholders(text), key).toEqual(english);
    }
  });

  it('pads labels by terminal columns: a Hangul syllable takes two', () => {
    expect(padColumns('Root:', 8)).toBe('Root:   ');
    expect(padColumns('루트:', 8)).toBe('루트:   ');
    expect(padColumns('운영 체제:', 8)).toBe('운영 체제:');
  });
});

describe.skipIf(!BUILT)(`CLI language (${BUILT ? 'built CLI' : NOT_BUILT_REASON})`, () => {
  it('follows LANG, LC_ALL over LANG, and --lang over both', async () => {
    const korean = await runCli(['--root', fixtureRoot, 'detect'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(korean.code).toBe(0);
    expect(korean.stdout).toMatch(/^루트: {13}\S/m);
    expect(korean.stdout).toContain('설치 관리자 토큰: DEBIAN12-64');
    expect(korean.stdout).toMatch(/^지원 여부: {8}예: /m);
    // The support verdict is the core's sentence, printed in Korean by its code (common/core-text/).
    expect(korean.stdout).toMatch(/예: .*은\(는\) 지원됩니다\(설치 관리자 DEBIAN12-64\)\./);
    expect(korean.stdout).not.toMatch(/is supported/);

    const lcAll = await runCli(['--root', fixtureRoot, 'detect'], {
      env: { LANG: 'ko_KR.UTF-8', LC_ALL: 'en_US.UTF-8' },
    });
    expect(lcAll.stdout).toContain('Installer token:  DEBIAN12-64');

    const asked = await runCli(['--root', fixtureRoot, '--lang', 'ko', 'detect'], { env: { LC_ALL: 'C' } });
    expect(asked.stdout).toContain('설치 관리자 토큰: DEBIAN12-64');
    const english = await runCli(['--lang=en', '--root', fixtureRoot, 'detect'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(english.stdout).toContain('Installer token:  DEBIAN12-64');
  });

  it('a language without a catalog is a usage error naming the choices', async () => {
    const run = await runCli(['--lang', 'fr', '--root', fixtureRoot, 'detect']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'fr' is invalid\. Allowed choices are en, ko/);
  });

  it('--json keeps its keys and values in Korean; only the usage hint a person reads is translated', async () => {
    const en = JSON.parse((await runCli(['--root', fixtureRoot, '--json', 'detect'])).stdout);
    const ko = JSON.parse((await runCli(['--root', fixtureRoot, '--json', '--lang', 'ko', 'detect'])).stdout);
    // The same keys and the same words (free space and timing move between two runs).
    const shape = (report: { disk: Array<{ freeBytes: number | null }>; durationMs: number }) => ({
      ...report,
      durationMs: 0,
      disk: report.disk.map((d) => ({ ...d, freeBytes: 0 })),
    });
    expect(shape(ko.result)).toEqual(shape(en.result));
    expect(Object.keys(ko)).toEqual(['ok', 'exitCode', 'result']);
    const usage = await runCli(['--lang', 'ko', '--json', 'install', '--data-port', '70000'], { env: {} });
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout).error).toMatchObject({
      code: 'cli.usage',
      hint: '옵션은 mobility-setup install --help를 실행하세요.',
    });
  });
});
