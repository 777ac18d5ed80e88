import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentFoldersToExclude } from '../../../../main/platform/antivirus-folders';
import {
  clamdFolderVerdicts,
  clamdServiceFor,
  configFromCmdline,
  ereCovers,
  excludePathLine,
  onAccessCovers,
  parseClamdConf,
  withExcludePaths,
} from '../../../../main/platform/linux/antivirus-clamav';
import { translateEre } from '../../../../main/platform/linux/antivirus-ere';
import {
  managedExclusions,
  managedMergePolicy,
  mdatpAddFolderArgs,
  parseMdatpExclusionJson,
  parseMdatpExclusionText,
  parseMdatpFlag,
} from '../../../../main/platform/linux/antivirus-mdatp';
import { POSIX_STYLE, wildcardCovers } from '../../../../main/platform/antivirus-wildcard';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/linux', name), 'utf8');
const FOLDERS = ['/usr/local/ASR', '/usr/local/InMage'];

describe('clamd.conf', () => {
  it('reads no exclusions from the Debian default and ignores every other option', () => {
    const config = parseClamdConf(fixture('clamd-debian-default.conf'));
    expect(config.excludePaths).toEqual([]);
    expect(config.hasExampleLine).toBe(false);
    expect(clamdFolderVerdicts(config, FOLDERS).map((v) => v.covered)).toEqual(['no', 'no']);
  });

  it('skips commented lines and finds that none of the live patterns cover the agent folders', () => {
    const config = parseClamdConf(fixture('clamd-excludes-mixed.conf'));
    expect(config.excludePaths.map((o) => o.value)).toEqual(['^/proc/', '^/sys/', '^/usr/local/ASRbackup/', '\\.log$']);
    expect(config.excludePaths[0]!.line).toBe(6);
    const verdicts = clamdFolderVerdicts(config, FOLDERS);
    // "\.log$" covers some files inside: partly, which is not excluded.
    expect(verdicts.map((v) => v.covered)).toEqual(['partly', 'partly']);
    expect(verdicts[0]!.by).toBe('ExcludePath \\.log$');
  });

  it('accepts a quoted alternation that covers both folders', () => {
    const verdicts = clamdFolderVerdicts(parseClamdConf(fixture('clamd-excludes-covering.conf')), FOLDERS);
    expect(verdicts).toEqual([
      { folder: '/usr/local/ASR', covered: 'yes', by: 'ExcludePath ^/usr/local/(ASR|InMage)/' },
      { folder: '/usr/local/InMage', covered: 'yes', by: 'ExcludePath ^/usr/local/(ASR|InMage)/' },
    ]);
  });

  it("notices Fedora's leftover Example line and its commented-out examples", () => {
    const config = parseClamdConf(fixture('clamd-fedora-scan.conf'));
    expect(config.hasExampleLine).toBe(true);
    expect(config.excludePaths).toEqual([]);
    expect(clamdServiceFor('/etc/clamd.d/scan.conf')).toBe('clamd@scan');
    expect(clamdServiceFor('/etc/clamav/clamd.conf')).toBe('clamav-daemon');
  });

  it('treats an Include line as an unknown option (clamd has none) and reads OnAccessExcludePath both ways', () => {
    const config = parseClamdConf(fixture('clamd-include-and-onaccess.conf'));
    expect(config.otherOptions).toContain('Include');
    const verdicts = clamdFolderVerdicts(config, FOLDERS);
    // "/usr/local/ASR" is the folder itself before 1.5.0 and an unanchored regex from 1.5.0: both cover it.
    expect(verdicts[0]!.covered).toBe('yes');
    expect(verdicts[1]!.covered).toBe('no');
    expect(onAccessCovers('/usr/local', '/usr/local/ASR')).toBe('yes');
    expect(onAccessCovers('/usr/local/AS.', '/usr/local/ASR')).toBe('unknown');
  });

  it('adds one anchored line per uncovered folder, and nothing the second time', () => {
    const first = withExcludePaths(fixture('clamd-excludes-mixed.conf'), FOLDERS);
    expect(first.added).toEqual(['ExcludePath ^/usr/local/ASR/', 'ExcludePath ^/usr/local/InMage/']);
    expect(first.text.startsWith(fixture('clamd-excludes-mixed.conf'))).toBe(true);
    const second = withExcludePaths(first.text, FOLDERS);
    expect(second).toEqual({ text: first.text, added: [] });
    expect(excludePathLine('/opt/my.agent+1/')).toBe('ExcludePath ^/opt/my\\.agent\\+1/');
  });

  it('finds the configuration a running clamd was started with', () => {
    expect(configFromCmdline(['/usr/sbin/clamd', '-c', '/etc/clamd.d/scan.conf', '--foreground=yes'])).toBe(
      '/etc/clamd.d/scan.conf',
    );
    expect(configFromCmdline(['/usr/sbin/clamd', '--config-file=/etc/clamav/other.conf'])).toBe(
      '/etc/clamav/other.conf',
    );
    expect(configFromCmdline(['/usr/sbin/clamd', '--foreground=true'])).toBeNull();
  });
});

describe('ClamAV regular expressions', () => {
  it.each([
    ['^/usr/local/ASR/', 'yes'],
    ['^/usr/local/ASR', 'yes'],
    ['/usr/local/', 'yes'],
    ['ASR/', 'yes'],
    ['^/usr/local/ASR/.*$', 'yes'],
    ['^/usr/local/[A-Z]+/', 'yes'],
    ['^/usr/local/[[:upper:]]{3}/', 'yes'],
    ['^/usr/local/ASR$', 'no'],
    ['^/usr/local/asr/', 'no'],
    ['^/usr/local/ASRbackup/', 'no'],
    ['^/proc/', 'no'],
    ['\\.log$', 'partly'],
    ['^/usr/local/ASR/Vx/', 'partly'],
    ['^/usr/local/ASR(/.*)?$', 'unknown'],
    ['\\w+', 'unknown'],
    ['^/usr/local/(ASR', 'unknown'],
    ['[[.space.]]', 'unknown'],
    ['*ASR', 'unknown'],
  ])('%s → %s for /usr/local/ASR', (pattern, expected) => {
    expect(ereCovers(pattern, '/usr/local/ASR')).toBe(expected);
  });

  it('keeps POSIX bracket rules: a backslash inside brackets is literal, "]" first is literal', () => {
    expect(new RegExp(translateEre('^[\\]x$')!).test('\\x')).toBe(true);
    expect(new RegExp(translateEre('^[]a]$')!).test(']')).toBe(true);
    expect(new RegExp(translateEre('^a{2,3}$')!).test('aaa')).toBe(true);
    expect(translateEre('a{3,2}')).toBeNull();
  });

  it('accepts anchors only at the edges of a branch, where regexec and grep agree', () => {
    // GNU grep -E matches "." with "^$\.$"; regexec never does. Such a pattern is "cannot tell", not a guess.
    expect(translateEre('^$\\.$')).toBeNull();
    expect(translateEre('a$b')).toBeNull();
    expect(translateEre('a^b')).toBeNull();
    expect(translateEre('\\(^a')).toBeNull();
    expect(new RegExp(translateEre('(^/a|^/b)$')!).test('/b')).toBe(true);
    expect(new RegExp(translateEre('^$')!).test('')).toBe(true);
  });
});

describe('mdatp', () => {
  it('reads real-time protection in its text forms, with [managed]', () => {
    expect(parseMdatpFlag(fixture('mdatp-health-rtp-true.txt'))).toEqual({ value: true, managed: false });
    expect(parseMdatpFlag(fixture('mdatp-health-rtp-false-managed.txt'))).toEqual({ value: false, managed: true });
    expect(parseMdatpFlag(fixture('mdatp-health-rtp-json.txt'))).toEqual({ value: true, managed: false });
    expect(parseMdatpFlag('1')).toEqual({ value: true, managed: false });
    expect(parseMdatpFlag('ATTENTION: no license found')).toEqual({ value: null, managed: false });
  });

  it('reads the text exclusion list: none, folders with scopes, extensions and processes', () => {
    expect(parseMdatpExclusionText(fixture('mdatp-exclusion-list.txt'))).toEqual([]);
    const list = parseMdatpExclusionText(fixture('mdatp-exclusion-list-folders.txt'));
    expect(list).toEqual([
      { kind: 'folder', value: '/var/lib/docker/', scopes: ['epp'], managed: false },
      { kind: 'folder', value: '/usr/local/ASR/', scopes: ['epp', 'global'], managed: false },
      { kind: 'extension', value: '.log', scopes: ['epp'], managed: false },
      { kind: 'process', value: '/usr/sbin/backupd', scopes: ['epp'], managed: false },
    ]);
  });

  it('reads [managed] entries and file paths', () => {
    const list = parseMdatpExclusionText(fixture('mdatp-exclusion-list-managed.txt'));
    expect(list[0]).toEqual({ kind: 'folder', value: '/usr/local/*/', scopes: ['epp'], managed: true });
    expect(list[1]).toMatchObject({ kind: 'file', value: '/usr/local/InMage/bin/cleanup.sh', managed: false });
    expect(wildcardCovers(list[0]!.value, '/usr/local/ASR', POSIX_STYLE)).toBe('yes');
    expect(wildcardCovers(list[1]!.value, '/usr/local/InMage', POSIX_STYLE)).toBe('partly');
  });

  it('reads the JSON exclusion list and refuses text that is not JSON', () => {
    const list = parseMdatpExclusionJson(fixture('mdatp-exclusion-list.json'))!;
    expect(list.map((e) => [e.kind, e.value])).toEqual([
      ['folder', '/usr/local/ASR/'],
      ['extension', '.log'],
      ['file', '/usr/local/InMage/bin/x'],
    ]);
    expect(parseMdatpExclusionJson(fixture('mdatp-exclusion-list-folders.txt'))).toBeNull();
  });

  it("reads a managed profile's merge policy and exclusions", () => {
    const text = fixture('mdatp-managed-admin-only.json');
    expect(managedMergePolicy(text)).toBe('admin_only');
    expect(managedMergePolicy('{}')).toBe('merge');
    expect(managedMergePolicy(null)).toBeNull();
    expect(managedExclusions(text)).toEqual([{ kind: 'folder', value: '/opt/app/', scopes: ['epp'], managed: true }]);
  });

  it('adds a folder with a trailing slash, global scope, as separate arguments', () => {
    expect(mdatpAddFolderArgs('/usr/local/ASR')).toEqual([
      'exclusion',
      'folder',
      'add',
      '--path',
      '/usr/local/ASR/',
      '--scope',
      'global',
    ]);
  });
});

describe('folders that matter', () => {
  it('are the vendor folders, with a custom install folder in place of /usr/local/ASR', () => {
    expect(agentFoldersToExclude('linux')).toEqual(['/usr/local/ASR', '/usr/local/InMage']);
    expect(agentFoldersToExclude('linux', '/opt/asr/')).toEqual(['/opt/asr', '/usr/local/InMage']);
    expect(agentFoldersToExclude('win32')).toEqual([
      'C:\\ProgramData\\ASR\\agent',
      'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
    ]);
    expect(agentFoldersToExclude('win32', 'D:\\ASR\\')).toEqual(['C:\\ProgramData\\ASR\\agent', 'D:\\ASR']);
  });
});
