// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobOutcome, JobSnapshot } from '../../../common/install';
import { explainLine } from '../../../common/known-errors';
import { createI18n, loadLanguage, loadLaterStepCatalogs } from '../../../renderer/i18n';
import { SummaryStep } from '../../../renderer/steps/summary-step';
import { FakeTransport } from './fake-transport';
import { jobSnapshot, session } from './fixtures';
import { missingKeys } from './render-app';
import { renderStep } from './render-step';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const LOG = '/var/log/ua_install.log';

function outcome(o: Partial<JobOutcome>): JobOutcome {
  return {
    severity: 'error',
    code: 'exit.1',
    message: 'core message',
    hint: null,
    exitCode: null,
    rebootRequired: false,
    machineState: null,
    ...o,
  };
}

function finished(o: Partial<JobSnapshot>): JobSnapshot {
  return jobSnapshot({
    state: 'failed',
    finishedAt: Date.now(),
    logFiles: [LOG],
    summary: {
      installed: true,
      version: '9.65.0.0',
      installDir: '/usr/local/ASR',
      registered: false,
      server: null,
      logFiles: [LOG],
      azureVmAgentNote: 'core note',
      walinuxagentPresent: false,
    },
    ...o,
  });
}

function show(job: JobSnapshot, transport = new FakeTransport(), shell: 'browser' | 'electron' = 'browser') {
  return renderStep(<SummaryStep />, transport, {
    session: { ...session, shell },
    jobId: job.id,
    job,
    step: 'summary',
  });
}

describe('summary step', () => {
  it("in Korean says the machine's state after a stopped job in Korean, with its path kept", async () => {
    const i18n = createI18n('ko-KR');
    await loadLanguage(i18n, 'ko-KR');
    await loadLaterStepCatalogs(i18n);
    const english = 'The agent in /usr/local/ASR may be partly removed: read the log, then run the uninstall again.';
    const machineStateText = { code: 'stopped.uninstall.partly', params: { installDir: '/usr/local/ASR' } };
    const job = finished({ outcome: outcome({ machineState: english, machineStateText }) });
    const transport = new FakeTransport();
    renderStep(<SummaryStep />, transport, { session, jobId: job.id, job, step: 'summary' }, undefined, i18n);
    expect(
      screen.getByText(
        '/usr/local/ASR의 에이전트가 일부만 제거되었을 수 있습니다. 로그를 읽은 다음 제거를 다시 실행하세요.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(english)).toBeNull();
  });

  it("quotes the vendor's first error line with its meaning and action instead of the generic hint", () => {
    const line = "ERROR: This version of mobility service doesn't support the operating system kernel version 6.99.";
    const explanation = explainLine(line)!;
    show(finished({ outcome: outcome({ code: 'exit.1', exitCode: 1, vendorError: { line, explanation } }) }));
    const notice = screen.getByTestId('vendor-error').textContent;
    expect(notice).toContain(line);
    // The catalog's English is the table's, so the wizard and the CLI say the same.
    expect(notice).toContain(`What it means: ${explanation.meaning}`);
    expect(notice).toContain(`What to do: ${explanation.action}`);
    expect(screen.queryByText(/Read the log for the first error line/)).toBeNull();
  });

  it('explains a failed registration by exit code (exit 14) with the next step and the machine state', () => {
    show(
      finished({
        outcome: outcome({
          code: 'exit.14',
          message: 'The passphrase or the configuration server address is not valid.',
          exitCode: 14,
          machineState: 'The agent is installed but not registered.',
        }),
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Installation failed' })).toBeTruthy();
    expect(screen.getByText('The passphrase or the configuration server address is not valid.')).toBeTruthy();
    expect(screen.getByText(/genpassphrase\.exe -v > MobSvc\.passphrase/)).toBeTruthy();
    expect(screen.getByText('Exit code 14')).toBeTruthy();
    expect(screen.getByText('The agent is installed but not registered.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('falls back to the core message and hint for a code the catalog does not know', () => {
    show(
      finished({
        outcome: outcome({
          code: 'verify.version',
          message: 'Installed 9.60 instead of 9.65.',
          hint: 'Read the vendor log.',
        }),
      }),
    );
    expect(screen.getByText('Installed 9.60 instead of 9.65.')).toBeTruthy();
    expect(screen.getByText('Read the vendor log.')).toBeTruthy();
    // The exit code the command line gives for the same ending (76: the agent state does not show success).
    expect(screen.getByText('Exit code 76')).toBeTruthy();
  });

  it('shows success with a reboot notice, the summary and the Azure VM agent note', () => {
    const job = finished({
      state: 'succeeded',
      outcome: outcome({ severity: 'success', code: 'exit.3010', message: 'ok', exitCode: 3010, rebootRequired: true }),
    });
    show({ ...job, summary: job.summary && { ...job.summary, registered: true, server: '10.0.0.5' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Mobility service installed' })).toBeTruthy();
    expect(screen.getByText('The command succeeded; a restart is recommended.')).toBeTruthy();
    expect(screen.getByText('Exit code 3010')).toBeTruthy();
    expect(
      screen.getByText('Restart this server when convenient to finish the installation (recommended).'),
    ).toBeTruthy();
    // The restart advice once: the outcome's own hint says the same and is left out.
    expect(screen.queryAllByText(/[Rr]estart/).map((e) => e.textContent)).toEqual([
      'The command succeeded; a restart is recommended.',
      'Restart this server when convenient to finish the installation (recommended).',
    ]);
    expect(screen.getByText('10.0.0.5')).toBeTruthy();
    expect(screen.getByText(/install the Azure Linux VM agent \(WALinuxAgent\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to start' })).toBeTruthy();
  });

  it('says a 1641 restart is required (mandatory), once, not that the installer restarts the machine', () => {
    show(
      finished({
        state: 'succeeded',
        outcome: outcome({
          severity: 'success',
          code: 'exit.1641',
          message: 'ok',
          exitCode: 1641,
          rebootRequired: true,
        }),
      }),
    );
    expect(screen.getByText('Restart this server to finish the installation: the installer requires it.')).toBeTruthy();
    expect(screen.getByText('Exit code 1641')).toBeTruthy();
    expect(screen.queryByText(/restarts the machine|started a restart/)).toBeNull();
    expect(screen.queryAllByText(/^Restart /)).toHaveLength(1);
  });

  it('shows the exit code the command line uses for cancel (1602) and the inactivity timeout (124)', () => {
    show(
      finished({
        state: 'cancelled',
        outcome: outcome({ severity: 'warning', code: 'job.cancelled', message: 'The job was cancelled.' }),
      }),
    );
    expect(screen.getByText('Exit code 1602')).toBeTruthy();
    cleanup();
    show(
      finished({
        outcome: outcome({
          code: 'install.timeout',
          message: 'The installer printed nothing for 15 minutes and was stopped as hung.',
        }),
      }),
    );
    expect(screen.getByText('Exit code 124')).toBeTruthy();
  });

  it('after a failure that left no agent, says "Not installed" once instead of Unknown facts and the Azure note', () => {
    const job = finished({
      outcome: outcome({
        code: 'exit.1603',
        exitCode: 1603,
        machineState: 'The Mobility service is not installed: the installer stopped before it finished.',
      }),
    });
    show({
      ...job,
      summary: {
        installed: false,
        version: null,
        installDir: null,
        registered: false,
        server: null,
        logFiles: [LOG],
        azureVmAgentNote: null,
        walinuxagentPresent: false,
      },
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Installation failed' })).toBeTruthy();
    expect(screen.getByText('Not installed')).toBeTruthy();
    expect(screen.queryByText('Unknown')).toBeNull();
    expect(screen.queryByText(/WALinuxAgent|Azure/)).toBeNull();
    expect(screen.queryByText(/partly installed/)).toBeNull();
  });

  it('heads an install that failed at registration "Registration failed — the agent is installed"', () => {
    const steps = (register: 'failed' | 'cancelled') =>
      (['check', 'extract', 'install', 'register', 'verify'] as const).map((id) => ({
        id,
        state: id === 'register' ? register : id === 'verify' ? ('skipped' as const) : ('done' as const),
        startedAt: 1,
        finishedAt: 2,
      }));
    show(finished({ steps: steps('failed'), outcome: outcome({ code: 'exit.14', exitCode: 14 }) }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Registration failed — the agent is installed' }),
    ).toBeTruthy();
    expect(screen.queryByText('Installation failed')).toBeNull();
    cleanup();
    show(
      finished({
        state: 'cancelled',
        steps: steps('cancelled'),
        outcome: outcome({ severity: 'warning', code: 'job.cancelled' }),
      }),
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Registration cancelled — the agent is installed' }),
    ).toBeTruthy();
  });

  it('names register-only, cancelled and nothing-to-do outcomes', () => {
    const cases: [Partial<JobSnapshot>, string][] = [
      [{ kind: 'register', state: 'succeeded' }, 'Mobility service registered'],
      [
        {
          state: 'cancelled',
          outcome: outcome({
            severity: 'warning',
            code: 'job.cancelled',
            message: 'x',
            machineState: 'Nothing was changed.',
          }),
        },
        'Installation cancelled',
      ],
      [{ state: 'succeeded', nothingToDo: true }, 'Nothing to do'],
      [{ kind: 'register', state: 'failed' }, 'Registration failed'],
    ];
    for (const [o, heading] of cases) {
      show(finished(o));
      expect(screen.getByRole('heading', { level: 1, name: heading })).toBeTruthy();
      cleanup();
    }
  });

  it('views a log file in the log viewer (opens at the end) in a dialog that keeps focus; Open only in the desktop app', async () => {
    const fake = new FakeTransport().on('readLogLines', (input) => ({
      ok: true,
      value: { path: input.path, from: 4998, lines: ['EARLIER LINE', 'INSTALL LOG TEXT'], totalLines: 5000 },
    }));
    show(finished({ outcome: outcome({}) }), fake);
    expect(screen.queryByRole('button', { name: /^Open/ })).toBeNull();
    const view = screen.getByRole('button', { name: `View log ${LOG}` });
    view.focus();
    await act(async () => view.click());
    const dialog = await screen.findByRole('dialog', { name: LOG });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await screen.findByText('INSTALL LOG TEXT');
    expect(fake.callsOf('readLogLines')).toEqual([{ path: LOG, count: 200 }]);
    expect(screen.getByText('Lines 4999–5000 of 5000')).toBeTruthy();
    const close = screen.getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    // Tab from the last focusable element wraps to the first (the dialog keeps focus).
    const text = screen.getByLabelText('Log file contents');
    text.focus();
    fireEvent.keyDown(text, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(view);
    cleanup();

    const electron = new FakeTransport().on('openLogFile', { opened: true });
    show(finished({ outcome: outcome({}) }), electron, 'electron');
    await act(async () => screen.getByRole('button', { name: `Open ${LOG}` }).click());
    expect(electron.callsOf('openLogFile')).toEqual([{ path: LOG }]);
  });
});
