// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../common/install';
import { StepRail } from '../../../renderer/components/step-rail';
import { railStatus } from '../../../renderer/flow/rail-status';
import type { WizardState } from '../../../renderer/flow/wizard-state';
import { ReviewStep } from '../../../renderer/steps/review-step';
import { FakeTransport } from './fake-transport';
import { connectivityOk, installedReport, installerChoice, jobSnapshot, report, session } from './fixtures';
import { missingKeys } from './render-app';
import { renderStep } from './render-step';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const ended = (state: JobSnapshot['state'], extra: Partial<JobSnapshot> = {}): Partial<WizardState> => ({
  step: 'summary',
  jobId: 'job-1',
  job: jobSnapshot({ state, finishedAt: Date.now(), ...extra }),
});

function railItem(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Setup steps' }))
    .getByText(name)
    .closest('li') as HTMLElement;
}

describe('step rail', () => {
  it('shows a failed, cancelled or unneeded install as such, never with the done check', () => {
    expect(railStatus({ flow: 'install', ...ended('failed') } as WizardState, 'install')).toBe('failed');
    expect(railStatus({ flow: 'install', ...ended('cancelled') } as WizardState, 'install')).toBe('cancelled');
    expect(
      railStatus({ flow: 'install', ...ended('succeeded', { nothingToDo: true }) } as WizardState, 'install'),
    ).toBe('skipped');
    expect(railStatus({ flow: 'install', ...ended('succeeded') } as WizardState, 'install')).toBe('done');
    expect(railStatus({ flow: 'register', ...ended('failed', { kind: 'register' }) } as WizardState, 'installer')).toBe(
      'skipped',
    );

    renderStep(<StepRail />, new FakeTransport(), ended('failed'));
    expect(railItem('Install').getAttribute('data-status')).toBe('failed');
    expect(railItem('Install').textContent).toContain('(failed)');
    expect(railItem('Review').textContent).toContain('(done)');
    expect(railItem('Summary').getAttribute('aria-current')).toBe('step');
    cleanup();
    renderStep(<StepRail />, new FakeTransport(), ended('cancelled'));
    expect(railItem('Install').textContent).toContain('(cancelled)');
    expect(railItem('Install').textContent).not.toContain('(done)');
  });
});

describe('review', () => {
  const classic = {
    mode: 'classic' as const,
    endpoint: '10.0.0.5',
    passphrase: 'itUx70I47uxDuUVY',
    configJson: null,
    configFileName: null,
    laterKind: null,
  };
  const base: Partial<WizardState> = {
    step: 'review',
    session,
    installer: installerChoice,
    searchedDir: '/srv/installers',
    connectivity: connectivityOk,
    connectivityEndpoint: '10.0.0.5',
  };
  const agent = (a: Partial<typeof installedReport.agent>) => ({
    ...installedReport,
    complete: true,
    agent: { ...installedReport.agent, ...a },
  });

  it('says beforehand what the install will do, as the core decides it', () => {
    const cases: [Partial<WizardState>, RegExp][] = [
      [
        { detection: { ...report, complete: true }, registration: classic },
        /^Install the Mobility service 9\.65\.0\.0$/,
      ],
      [
        { detection: agent({ version: '9.61.0.0' }), registration: classic },
        /^Upgrade the Mobility service from 9\.61\.0\.0 to 9\.65\.0\.0$/,
      ],
      // More than four versions apart: refused by the upgrade rules, with the stepwise path.
      [{ detection: agent({}), registration: classic }, /upgrade step by step \(9\.60\.0\.0 → 9\.64 → 9\.65\.0\.0\)$/],
      [
        { detection: agent({ version: '9.65.0.0', registered: true, csAddress: '10.0.0.5' }), registration: classic },
        /^Nothing to do: .*already installed and registered/,
      ],
      [
        {
          detection: agent({ version: '9.65.0.0', registered: false }),
          registration: { ...classic, mode: 'none', laterKind: 'classic' },
        },
        /^Nothing to do: the Mobility service 9\.65\.0\.0 is already installed; nothing will be changed$/,
      ],
      // Same version, registered elsewhere (another port is another server): only the registration runs.
      [
        {
          detection: agent({ version: '9.65.0.0', registered: true, csAddress: '10.0.0.5:4443' }),
          registration: classic,
        },
        /^Register the Mobility service 9\.65\.0\.0, which is already installed/,
      ],
      [{ detection: agent({ version: '9.70.0.0' }), registration: classic }, /downgrade, which is refused/],
    ];
    for (const [state, action] of cases) {
      renderStep(<ReviewStep />, new FakeTransport(), { ...base, ...state });
      expect(screen.getByText(action)).toBeTruthy();
      expect(screen.queryByText(/Reinstall/)).toBeNull();
      cleanup();
    }
  });

  it("reminds of the vendor's update order before an upgrade, and only then", () => {
    renderStep(<ReviewStep />, new FakeTransport(), {
      ...base,
      detection: agent({ version: '9.61.0.0' }),
      registration: classic,
    });
    expect(screen.getByText(/^Before upgrading: update the configuration server/)).toBeTruthy();
    cleanup();
    renderStep(<ReviewStep />, new FakeTransport(), {
      ...base,
      detection: { ...report, complete: true },
      registration: classic,
    });
    expect(screen.queryByText(/^Before upgrading/)).toBeNull();
  });
});
