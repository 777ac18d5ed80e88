/**
 * The CLI's human output in Korean (issue 12): install, register, uninstall, av-check and diagnose run as real child
 * processes with --lang ko against sandbox roots; their own lines are Korean, no English sentence of the CLI
 * catalogs is printed, and the --json envelope is the same bytes in both languages. The prompts are answered on a
 * real terminal (util-linux `script` gives the CLI a pty; without one it refuses to ask).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addClamav, addMdatp, avSandbox } from '../../world/antivirus-scanners';
import type { AvSandbox } from '../../world/antivirus-scanners';
import { closedPort } from '../core/connectivity/loopback-servers';
import { makeBrokenInstallRoot } from '../../world/broken-install';
import { PASSPHRASE, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { BIN, REPO, installAndRegisterArgs, installOnlyArgs, runCli } from '../../world/cli-process';
import { englishCatalogLeaks, englishCoreTextLeaks } from './korean-leaks';

const setup = useInstallTestSetup();
const HANGUL = /[\uAC00-\uD7A3]/;

let scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch = [];
});

/** Times, durations and the job id move between two runs; everything else must be the same bytes. */
function steady(stdout: string): string {
  const parsed = JSON.parse(stdout) as { result?: { job?: { id?: string } } };
  const jobId = parsed.result?.job?.id;
  const withoutId = jobId ? stdout.split(jobId).join('JOB') : stdout;
  return withoutId.replace(/"(\w*At|\w*Ms)": \d+/g, '"$1": 0');
}

async function installedRoot(): Promise<{ root: string; installerDir: string; passphraseFile: string }> {
  const { root, installerDir } = await setup.rootWithInstaller({});
  const passphraseFile = path.join(root, 'MobSvc.passphrase');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  return { root, installerDir, passphraseFile };
}

/** Runs the CLI on a pseudo-terminal and answers its one question; resolves with everything the terminal showed. */
function answerOnTerminal(args: string[], answer: string): Promise<{ code: number | null; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', SHELL: '/bin/sh' },
    });
    let screen = '';
    let answered = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
      if (!answered && screen.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\n`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();
      resolve({ code, screen });
    });
  });
}

describe('the English-leak check', () => {
  it('finds an English sentence of the catalogs, and none in the Korean catalog', async () => {
    const { cliKo } = await import('../../../main/cli/i18n/cli-ko');
    expect(englishCatalogLeaks('Nothing was changed.')).toEqual(['Nothing was changed.']);
    expect(englishCatalogLeaks(Object.values(cliKo).join('\n'))).toEqual([]);
  });
});

describe.skipIf(!BUILT)(`Korean CLI output (${BUILT ? 'built CLI' : NOT_BUILT_REASON})`, () => {
  it('install, register and uninstall: Korean progress, summaries and installer lines; no English catalog text', async () => {
    const { root, installerDir, passphraseFile } = await installedRoot();
    const registration = ['--cs-endpoint', setup.cs.endpoint, '--passphrase-file', passphraseFile, '--yes'];
    const install = await runCli([
      '--lang',
      'ko',
      ...installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile),
    ]);
    expect(install.code).toBe(0);
    expect(install.stderr).toContain('[check] 필수 조건 확인: 진행 중');
    expect(install.stderr).toContain('[install] 에이전트 설치: 완료');
    expect(install.stderr).toMatch(/^설치 관리자: {5}Microsoft-ASR_UA_\S+\(버전 9\.65\.0\.0\), 소유자 root\(uid 0\)/m);
    expect(install.stderr).toMatch(/^SHA-256: {9}[0-9a-f]{64}\(체크섬 파일: /m);
    // The outcome, its note and an error are the core's coded messages, said from the wizard's Korean catalogs.
    expect(install.stdout).toMatch(/^완료: Mobility 서비스를 (설치|등록)했습니다\.$/m);
    expect(install.stdout).toContain('Azure로 장애 조치한 후 VM에 Azure Linux VM 에이전트(WALinuxAgent)를 설치하세요');
    expect(install.stdout).not.toMatch(/Install WALinuxAgent|was installed|is registered/);
    const missing = await runCli(['--lang', 'ko', ...installOnlyArgs(root, path.join(root, 'no-such-folder'))]);
    expect(missing.code).toBe(71);
    expect(missing.stderr).toMatch(
      /^mobility-setup: 설치 관리자 폴더 .*no-such-folder이\(가\) 없거나 폴더가 아닙니다\./m,
    );
    expect(missing.stderr).not.toMatch(/does not exist|Choose the folder/);
    expect(install.stdout).toMatch(/^에이전트 버전: {4}9\.65\.0\.0$/m);
    expect(install.stdout).toContain(`등록: `);
    expect(install.stdout).toMatch(/^종료 코드: {8}0$/m);
    expect(englishCatalogLeaks(install.stdout + install.stderr)).toEqual([]);

    const register = await runCli(['--root', root, '--lang', 'ko', 'register', ...registration]);
    expect(register.code).toBe(0);
    expect(register.stderr).toContain('[register] 서버에 등록: ');
    expect(englishCatalogLeaks(register.stdout + register.stderr)).toEqual([]);

    const uninstall = await runCli(['--root', root, '--lang', 'ko', 'uninstall', '--yes']);
    expect(uninstall.code).toBe(0);
    expect(uninstall.stderr).toContain('[uninstall] 제거 프로그램 실행: 진행 중');
    expect(uninstall.stdout).toMatch(/^에이전트: +설치되지 않음$/m);
    expect(englishCatalogLeaks(uninstall.stdout + uninstall.stderr)).toEqual([]);
    expect(existsSync(path.join(root, 'usr/local/ASR'))).toBe(false);
  });

  it('the --json envelope of install and uninstall is the same bytes in Korean and English', async () => {
    const { root, installerDir, passphraseFile } = await installedRoot();
    const install = (lang: string) => [
      '--lang',
      lang,
      ...installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile, { json: true }),
    ];
    expect((await runCli(install('en'))).code).toBe(0);
    // The agent is installed and registered: both runs are "nothing to do", the same state read twice.
    const [en, ko] = [await runCli(install('en')), await runCli(install('ko'))];
    expect(JSON.parse(ko.stdout)).toMatchObject({ ok: true, result: { changed: false } });
    expect(steady(ko.stdout)).toBe(steady(en.stdout));
    expect(ko.stdout).not.toMatch(HANGUL);

    expect((await runCli(['--root', root, '--json', 'uninstall', '--yes'])).code).toBe(0);
    const gone = (lang: string) => runCli(['--root', root, '--json', '--lang', lang, 'uninstall', '--yes']);
    const [enGone, koGone] = [await gone('en'), await gone('ko')];
    expect(steady(koGone.stdout)).toBe(steady(enGone.stdout));
  });

  it('av-check: Korean status words, headings and fix lines, with and without --fix; --json the same bytes', async () => {
    const sandbox: AvSandbox = avSandbox();
    scratch.push(sandbox.root);
    addClamav(sandbox);
    const check = await runCli(['--root', sandbox.root, '--lang', 'ko', 'av-check']);
    expect(check.code).toBe(78);
    expect(check.stdout).toContain('제외할 폴더: /usr/local/ASR');
    expect(check.stdout).toMatch(/ClamAV +제외 안 됨 \(Mobility Setup이 수정할 수 있음\)/);
    expect(check.stdout).toContain('  수정: mobility-setup av-check --fix');
    expect(check.stdout).toContain('  직접 수정하는 단계:');
    // The findings Mobility Setup reads itself: ClamAV's verdicts, notes and steps, from their codes.
    expect(check.stdout).toContain('  /usr/local/ASR은(는) 제외되어 있지 않습니다.');
    expect(check.stdout).toContain('1. root로 /etc/clamav/clamd.conf에 추가하세요: ExcludePath ^/usr/local/ASR/');
    expect(check.stdout).toContain('2. 그다음 clamd를 다시 시작하세요');
    expect(englishCatalogLeaks(check.stdout + check.stderr)).toEqual([]);
    expect(englishCoreTextLeaks(check.stdout + check.stderr)).toEqual([]);

    const en = await runCli(['--root', sandbox.root, '--json', '--lang', 'en', 'av-check']);
    const ko = await runCli(['--root', sandbox.root, '--json', '--lang', 'ko', 'av-check']);
    expect(steady(ko.stdout)).toBe(steady(en.stdout));
    expect(ko.stdout).not.toMatch(HANGUL);

    const fixed = await runCli(['--root', sandbox.root, '--lang', 'ko', 'av-check', '--fix', '--yes']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^clamav 수정: 수정됨\. /m);
    expect(fixed.stdout).toMatch(/ClamAV +제외됨/);
    expect(fixed.stdout).toMatch(/^clamav 수정: 수정됨\. \/etc\/clamav\/clamd\.conf에 추가했습니다: ExcludePath /m);
    expect(fixed.stdout).toContain('서비스를 다시 시작하지 않았습니다');
    expect(englishCatalogLeaks(fixed.stdout + fixed.stderr)).toEqual([]);
    expect(englishCoreTextLeaks(fixed.stdout + fixed.stderr)).toEqual([]);

    const none = avSandbox();
    scratch.push(none.root);
    const empty = await runCli(['--root', none.root, '--lang', 'ko', 'av-check']);
    expect(empty.stdout).toContain('바이러스 백신 검사 프로그램을 찾지 못했습니다.');
  });

  it('av-check: an mdatp finding and a fix that does not read back, in Korean', async () => {
    const sandbox: AvSandbox = avSandbox();
    scratch.push(sandbox.root);
    addMdatp(sandbox, 'mdatp-exclusion-list.txt', { dropAdds: true });
    const check = await runCli(['--root', sandbox.root, '--lang', 'ko', 'av-check']);
    expect(check.code).toBe(78);
    expect(check.stdout).toContain('  /usr/local/ASR은(는) 제외되어 있지 않습니다.');
    expect(check.stdout).toContain(
      '1. root로 실행하세요: mdatp exclusion folder add --path /usr/local/ASR/ --scope global',
    );
    expect(englishCoreTextLeaks(check.stdout + check.stderr)).toEqual([]);

    const fixed = await runCli(['--root', sandbox.root, '--lang', 'ko', 'av-check', '--fix', '--yes']);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toMatch(
      /^mdatp 수정: .*폴더를 제외 항목에 추가했습니다\. 하지만 제외 항목을 다시 읽어 보니 /m,
    );
    expect(fixed.stdout).toContain('(/usr/local/ASR은(는) 제외되어 있지 않습니다.');
    expect(englishCatalogLeaks(fixed.stdout)).toEqual([]);
    expect(englishCoreTextLeaks(fixed.stdout)).toEqual([]);
  });

  it("diagnose: Korean headings around the core's findings", async () => {
    const expected = `127.0.0.1:${await closedPort()}`;
    const root = await makeBrokenInstallRoot(expected);
    scratch.push(root);
    const out = path.join(root, 'bundle-out');
    mkdirSync(out);
    const file = path.join(out, 'diag.tar.gz');
    const result = await runCli(['--root', root, '--lang', 'ko', 'diagnose', '--cs-endpoint', expected, '--out', file]);
    expect(result.code).toBe(80);
    expect(result.stdout).toContain(`127.0.0.1 연결(`);
    expect(result.stdout).toMatch(/\[FAIL\] 제어 포트 \d+: /);
    expect(result.stdout).toContain('푸시 설치 준비 상태:');
    expect(result.stdout).toMatch(/\(방지하는 오류 95107, 95108\)/);
    expect(result.stdout).toContain('마지막 공급업체 오류(');
    expect(result.stdout).toContain(`진단 번들 ${file}(비밀 정보 가림):`);
    expect(result.stdout).toMatch(/logs\/ua_install\.log\(\d+바이트, 출처 \/var\/log\/ua_install\.log\)/);
    expect(englishCatalogLeaks(result.stdout + result.stderr)).toEqual([]);
    // The core's own sentences too: health labels and lines, connectivity details, push readiness.
    expect(result.stdout).toMatch(/\] 에이전트: +버전 /);
    expect(result.stdout).toContain('127.0.0.1은(는) IP 주소이므로 이름 조회가 필요 없습니다.');
    expect(englishCoreTextLeaks(result.stdout + result.stderr)).toEqual([]);
  });

  it('uninstall asks on a terminal in Korean and in English: "no" changes nothing (1602), "yes" uninstalls', async () => {
    const { root, installerDir, passphraseFile } = await installedRoot();
    const installed = await runCli(installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile));
    expect(installed.code).toBe(0);
    const agent = path.join(root, 'usr/local/ASR');
    for (const [lang, question, nothing] of [
      ['ko', 'Mobility 서비스를 제거할까요? 이 서버의 복제가 중지됩니다', '아무것도 변경하지 않았습니다.'],
      ['en', 'Uninstall the Mobility service? Replication of this server stops', 'Nothing was changed.'],
    ] as const) {
      const no = await answerOnTerminal(['--root', root, '--lang', lang, 'uninstall'], 'n');
      expect(no.screen).toContain(`${question}`);
      expect(no.screen).toContain('[y/N]');
      expect(no.screen).toContain(nothing);
      expect(no.code).toBe(66); // 1602 in the low 8 bits, as on every Linux shell
      expect(existsSync(agent)).toBe(true);
    }
    const koYes = await answerOnTerminal(['--root', root, '--lang', 'ko', 'uninstall'], 'y');
    expect(koYes.screen).toContain('[uninstall] 제거 프로그램 실행: 진행 중');
    expect(koYes.code).toBe(0);
    expect(existsSync(agent)).toBe(false);
    expect(englishCatalogLeaks(koYes.screen)).toEqual([]);

    const reinstalled = await runCli(installOnlyArgs(root, installerDir));
    expect(reinstalled.code).toBe(0);
    const enYes = await answerOnTerminal(['--root', root, '--lang', 'en', 'uninstall'], 'yes');
    expect(enYes.screen).toContain('[uninstall] running');
    expect(enYes.code).toBe(0);
    expect(existsSync(agent)).toBe(false);
  });

  it('install asks on a terminal in Korean, naming the installer, the version and the server', async () => {
    const { root, installerDir, passphraseFile } = await installedRoot();
    const no = await answerOnTerminal(
      [
        '--root',
        root,
        '--lang',
        'ko',
        'install',
        '--installer-dir',
        installerDir,
        '--cs-endpoint',
        setup.cs.endpoint,
        '--passphrase-file',
        passphraseFile,
      ],
      'n',
    );
    expect(no.screen).toMatch(
      /에서 Mobility 서비스 9\.65\.0\.0을\(를\) 설치하고 127\.0\.0\.1:\d+에 등록할까요\? \[y\/N\]/,
    );
    expect(no.screen).toContain('아무것도 변경하지 않았습니다.');
    expect(no.code).toBe(66);
    expect(existsSync(path.join(root, 'usr/local/ASR'))).toBe(false);
  });
});
