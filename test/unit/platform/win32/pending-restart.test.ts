import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import type { CommandRunner, RunResult } from '../../../../main/ports/ports';
import {
  CBS_REBOOT_PENDING_KEY,
  SESSION_MANAGER_KEY,
  WU_REBOOT_REQUIRED_KEY,
  pendingRenameCount,
  windowsPendingRestart,
} from '../../../../main/platform/win32/pending-restart';
import { parseRegQuery } from '../../../../main/platform/win32/reg-query';
import { testDeps } from '../../core/detect/helpers';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');

/** Windows itself is the one thing mocked: reg.exe answers with captured-format output per key. */
function fakeRegExe(answers: Record<string, string>): CommandRunner {
  const notFound: RunResult = { code: 1, signal: null, stdout: '', stderr: fixture('reg-not-found.txt') };
  return {
    run(file, args) {
      const answer = path.win32.basename(file) === 'reg.exe' ? answers[args[1] ?? ''] : undefined;
      return Promise.resolve(answer === undefined ? notFound : { code: 0, signal: null, stdout: answer, stderr: '' });
    },
    spawn() {
      throw new Error('detection never spawns long-running processes');
    },
  };
}

describe('pending restart markers (Windows registry)', () => {
  it('parses each marker from reg query output', () => {
    const facts = windowsPendingRestart({
      cbsRebootPending: parseRegQuery(fixture('reg-cbs-reboot-pending.txt')),
      wuRebootRequired: parseRegQuery(fixture('reg-wu-reboot-required.txt')),
      sessionManager: parseRegQuery(fixture('reg-session-manager-pending-renames.txt')),
    });
    expect(facts.pending).toBe(true);
    expect(facts.markers.map((m) => m.source)).toEqual([
      'cbsRebootPending',
      'windowsUpdateRebootRequired',
      'pendingFileRename',
    ]);
    expect(facts.markers[2]?.detail).toBe('2 file operations wait for a restart (PendingFileRenameOperations)');
  });

  it('absent keys and an empty PendingFileRenameOperations are no restart', () => {
    const none = windowsPendingRestart({
      cbsRebootPending: [],
      wuRebootRequired: [],
      sessionManager: parseRegQuery(fixture('reg-session-manager-no-renames.txt')),
    });
    expect(none).toEqual({ pending: false, markers: [] });
    expect(pendingRenameCount(null)).toBe(0);
    expect(pendingRenameCount('\\??\\C:\\a.tmp\\0')).toBe(1);
  });

  it('detection reads the three keys through reg.exe and reports them', async () => {
    const deps = testDeps('/', {
      platform: 'win32',
      runner: fakeRegExe({
        [CBS_REBOOT_PENDING_KEY]: fixture('reg-cbs-reboot-pending.txt'),
        [SESSION_MANAGER_KEY]: fixture('reg-session-manager-pending-renames.txt'),
      }),
    });
    const report = await new DetectionService(deps).detect();
    expect(report.pendingRestart?.markers.map((m) => m.source)).toEqual(['cbsRebootPending', 'pendingFileRename']);

    const clean = await new DetectionService(testDeps('/', { platform: 'win32', runner: fakeRegExe({}) })).detect();
    expect(clean.pendingRestart).toEqual({ pending: false, markers: [] });
    expect(WU_REBOOT_REQUIRED_KEY).toContain('Auto Update\\RebootRequired');
  });
});
