/**
 * The CLI's usage errors and a stopped job's machine state in Korean (built CLI, real child processes): commander's
 * own errors and the CLI's checks of option values are Korean with the typed token kept, exit 2 and the --json
 * envelope's code as in English; English is what it was. A failed install says the machine's state in Korean.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, installOnlyArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

describe.skipIf(!BUILT)(`Korean CLI errors (${BUILT ? 'built CLI' : NOT_BUILT_REASON})`, () => {
  const cases: Array<[string, string[], string, string]> = [
    [
      'unknown option',
      ['install', '--bogus'],
      "mobility-setup install: 알 수 없는 옵션 '--bogus'입니다.\n옵션은 mobility-setup install --help를 실행하세요.\n",
      "mobility-setup install: unknown option '--bogus'\nRun mobility-setup install --help for its options.\n",
    ],
    [
      'unknown command',
      ['instal'],
      "mobility-setup: 알 수 없는 명령 'instal'입니다. (혹시 install을(를) 뜻했나요?)\n명령 목록은 mobility-setup --help를 실행하세요.\n",
      "mobility-setup: unknown command 'instal' (did you mean install?)\nRun mobility-setup --help for the commands.\n",
    ],
    [
      'option without its value',
      ['install', '--installer-dir'],
      "mobility-setup install: 옵션 '--installer-dir <dir>'에 값이 없습니다.\n옵션은 mobility-setup install --help를 실행하세요.\n",
      "mobility-setup install: option '--installer-dir <dir>' argument missing\nRun mobility-setup install --help for its options.\n",
    ],
    [
      'bad option value (commander parser)',
      ['serve', '--port', '99999'],
      "mobility-setup serve: 옵션 '--port <n>'의 값 '99999'이(가) 잘못되었습니다. 포트는 0부터 65535까지의 숫자여야 합니다.\n옵션은 mobility-setup serve --help를 실행하세요.\n",
      "mobility-setup serve: option '--port <n>' argument '99999' is invalid. The port must be a number from 0 to 65535.\nRun mobility-setup serve --help for its options.\n",
    ],
    [
      "bad option values (the CLI's own check)",
      ['install', '--installer-dir', '/nonexistent-x', '--yes'],
      'mobility-setup install: 등록 방법을 선택하세요: --cs-endpoint와 --passphrase-file, --config-file 또는 --no-register.\n',
      'mobility-setup install: Choose how to register: --cs-endpoint with --passphrase-file, --config-file, or --no-register.\n',
    ],
  ];

  it.each(cases)('%s: Korean with --lang ko, English unchanged, exit 2', async (_name, args, korean, english) => {
    const [ko, en] = await Promise.all([runCli(['--lang', 'ko', ...args]), runCli(['--lang', 'en', ...args])]);
    expect([ko.code, ko.stderr]).toEqual([2, korean]);
    expect([en.code, en.stderr]).toEqual([2, english]);
  });

  it('--json: the same envelope keys and code, the message for a person in Korean', async () => {
    const run = (lang: string) => runCli(['--lang', lang, '--json', 'install', '--bogus']);
    const [ko, en] = await Promise.all([run('ko'), run('en')]);
    expect([ko.code, en.code]).toEqual([2, 2]);
    const [k, e] = [JSON.parse(ko.stdout), JSON.parse(en.stdout)] as Array<{ error: Record<string, string> }>;
    expect(Object.keys(k!)).toEqual(Object.keys(e!));
    expect(k!.error.code).toBe('cli.usage');
    expect(e!.error.message).toBe("unknown option '--bogus'");
    expect(k!.error.message).toBe("알 수 없는 옵션 '--bogus'입니다.");
  });

  it("a failed install says the machine's state in Korean, with its version and folder", async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { registerExit: 14 } });
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const args = installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile);
    const ko = await runCli(['--lang', 'ko', ...args]);
    expect(ko.code).not.toBe(0);
    expect(ko.stdout).toMatch(
      /컴퓨터 상태: +Mobility 서비스 9\.65\.0\.0이\(가\) \/usr\/local\/ASR에 설치되어 있으며 등록되어 있지 않습니다\. 다시 등록하세요/,
    );
    expect(ko.stdout).not.toMatch(/is installed|not registered: register/);
    const en = await runCli(['--lang', 'en', ...args]);
    expect(en.stdout).toMatch(
      /Machine state: +The Mobility service 9\.65\.0\.0 is installed in \/usr\/local\/ASR and not registered: register it again \(mobility-setup register …, or Register only in the wizard\)\./,
    );
  });

  it('an install whose installer failed says in Korean that nothing is installed', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { installExit: 1 } });
    const ko = await runCli(['--lang', 'ko', ...installOnlyArgs(root, installerDir)]);
    expect(ko.code).not.toBe(0);
    expect(ko.stdout).toContain('Mobility 서비스가 설치되어 있지 않습니다. 설치 관리자가 끝나기 전에 중지되었습니다.');
    expect(ko.stdout).not.toContain('The Mobility service is not installed');
  });
});
