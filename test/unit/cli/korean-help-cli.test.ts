/**
 * `--help` in Korean (issue 12): every command and option has a Korean description (a missing or stray one fails
 * here), every exit code a Korean meaning; the built CLI's help screens in Korean print none of the English ones.
 */
import { describe, expect, it } from 'vitest';
import { CLI_EXIT_CODES } from '../../../main/cli/exit-codes';
import { EXIT_MEANINGS_KO, HELP_KO } from '../../../main/cli/i18n/help-ko';
import { helpKey } from '../../../main/cli/localize-help';
import { buildProgram } from '../../../main/cli/program';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { runCli } from '../../world/cli-process';

/** Every help key of the program (English: nothing localizes it) with its English description. */
async function englishHelp(): Promise<Map<string, string>> {
  const program = await buildProgram([]);
  const texts = new Map<string, string>();
  for (const command of [program, ...program.commands]) {
    texts.set(helpKey(command), command.description());
    for (const option of command.options) texts.set(helpKey(command, option), option.description);
  }
  return texts;
}

describe('Korean help texts', () => {
  it('cover every command and option, and name none that does not exist', async () => {
    const english = await englishHelp();
    expect(Object.keys(HELP_KO).sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of Object.entries(HELP_KO)) expect(text, key).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('give every exit code of install, register and uninstall a meaning', () => {
    expect(
      Object.keys(EXIT_MEANINGS_KO)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(CLI_EXIT_CODES.map((r) => r.code).sort((a, b) => a - b));
  });
});

describe.skipIf(!BUILT)(`Korean --help (${BUILT ? 'built CLI' : NOT_BUILT_REASON})`, () => {
  it('the program and every command: Korean headings, descriptions and exit codes, no English description', async () => {
    const descriptions = [...(await englishHelp()).values()];
    // commander wraps long descriptions: compare the words before the first wrap point.
    const starts = descriptions.map((text) => text.slice(0, 30));
    const commands = ['', 'serve', 'open', 'detect', 'install', 'register', 'uninstall', 'helper', 'av-check'];
    for (const command of [...commands, 'diagnose']) {
      const run = await runCli(['--lang', 'ko', ...(command ? [command] : []), '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(/^사용법: mobility-setup/);
      expect(run.stdout, command).toContain('\n옵션:\n');
      expect(run.stdout, command).toContain('명령의 도움말을 표시합니다');
      expect(
        starts.filter((start) => run.stdout.includes(start)),
        command,
      ).toEqual([]);
      expect(run.stdout, command).not.toMatch(/Usage:|Options:|display help|\(default:|Exit codes:/);
      if (['install', 'register', 'uninstall'].includes(command)) {
        expect(run.stdout).toContain('종료 코드:\n');
        expect(run.stdout).toMatch(/^ {2}3010 \(Linux에서는 194\) {2}성공\. 다시 시작하는 것이 좋음/m);
      }
    }
    const english = await runCli(['--lang', 'en', 'install', '--help']);
    expect(english.stdout).toMatch(/^Usage: mobility-setup install/);
    expect(english.stdout).toContain('3010 (194 on Linux)  Success; a restart is recommended (vendor 3010)');
  });
});
