/**
 * The machine's state after a job stopped travels as English (unchanged, for the logs, --json and the CLI's
 * English) and as a code with its params (common/core-text/job-texts.ts): every job kind's statement says the
 * same English from its code, and in Korean is Korean with the paths, versions and servers kept.
 */
import { describe, expect, it } from 'vitest';
import { coreText } from '../../../../common/core-text/core-text';
import type { AgentFacts } from '../../../../common/detection';
import type { StepId } from '../../../../common/install';
import { antivirusFixJob } from '../../../../main/core/antivirus/antivirus-fix-job';
import type { AntivirusService } from '../../../../main/core/antivirus/antivirus-service';
import { machineStateAfter, machineStateFromAgent } from '../../../../main/core/install/outcomes';
import { cancelled, failed, machineStateOf, outcome, withMachineState } from '../../../../main/core/jobs/job-stop';
import type { MachineState } from '../../../../main/core/jobs/job-stop';
import { diagnosticsBundleJob } from '../../../../main/core/troubleshoot/bundle-job';
import type { TroubleshootService } from '../../../../main/core/troubleshoot/troubleshoot-service';

const HANGUL = /[\uac00-\ud7a3]/;

/** The statement in Korean: Hangul, every param verbatim, and the English is the coded English. */
function expectKorean(state: MachineState | null, english: string): string {
  expect(state).not.toBeNull();
  expect(state!.message).toBe(english);
  expect(coreText('en', state, state!.message)).toBe(english);
  const korean = coreText('ko', state, state!.message);
  expect(korean).toMatch(HANGUL);
  expect(korean).not.toBe(english);
  expect(korean).not.toContain('{{');
  for (const value of Object.values(state!.params)) expect(korean).toContain(String(value));
  return korean;
}

const hint = 'as root: cd /opt/ASR && ./uninstall.sh -Y';
const ctx = { installDir: '/opt/ASR', upgrade: false, uninstallHint: hint };

describe('install, register and uninstall jobs: the statement for the step they stopped in', () => {
  const english: Record<StepId, string> = {
    check: 'Nothing was changed on this machine.',
    extract: 'Nothing was installed; the temporary folder with the extracted installer was removed.',
    install: `The agent may be partly installed in /opt/ASR: run the install again, or uninstall it (${hint}).`,
    register:
      'The agent is installed but not registered: register it again (mobility-setup register …, or Register in the wizard).',
    uninstall: 'The agent in /opt/ASR may be partly removed: read the log, then run the uninstall again.',
    verify:
      'The vendor tools reported success, but the agent state does not confirm it: read the logs, then run the install again.',
    fix: 'Nothing was changed on this machine.',
    diagnose: 'Nothing was changed on this machine.',
    collect: 'Nothing was changed on this machine.',
  };

  it.each(Object.keys(english) as StepId[])('%s', (step) => {
    expectKorean(machineStateAfter(step, ctx), english[step]);
  });

  it('install during an upgrade', () => {
    const korean = expectKorean(
      machineStateAfter('install', { ...ctx, upgrade: true }),
      `The upgrade may be partly done: the agent in /opt/ASR may not work until you run the install again (or uninstall it: ${hint}).`,
    );
    expect(korean).toContain('업그레이드');
  });
});

describe('install and register jobs: the statement read back from the agent', () => {
  const agent = (a: Partial<AgentFacts>): AgentFacts => ({
    installed: true,
    version: '9.65.0.0',
    installDir: '/opt/ASR',
    registered: false,
    configurationStatus: 'NotStarted',
    csAddress: null,
    source: '/usr/local/.vx_version',
    ...a,
  });
  const stop = { step: 'install' as const, upgrade: false, targetVersion: '9.66.0.0', uninstallHint: () => hint };
  const guess = machineStateAfter('install', ctx);
  const registrations: Array<[string, Partial<AgentFacts>, string]> = [
    ['registered with its server', { registered: true, csAddress: '10.0.0.5:4443' }, 'registered with 10.0.0.5:4443'],
    ['registered, server unknown', { registered: true }, 'registered with a configuration server'],
    ['not registered', { registered: false }, 'not registered'],
    ['registration unknown', { registered: null }, 'of unknown registration state'],
  ];
  const places: Array<[string, Partial<AgentFacts>, string]> = [
    ['in its folder', {}, ' in /opt/ASR'],
    ['folder unknown', { installDir: null }, ''],
  ];
  const versions: Array<[string, Partial<AgentFacts>, string]> = [
    ['version known', {}, '9.65.0.0'],
    ['version unknown', { version: null }, 'of an unknown version'],
  ];
  const run = `Run the install again, or uninstall it (${hint}).`;

  for (const [r, rFacts, rText] of registrations)
    for (const [w, wFacts, wText] of places) {
      it(`upgrade unfinished, ${w}, ${r}`, () => {
        const facts = agent({ ...rFacts, ...wFacts });
        expectKorean(
          machineStateFromAgent(guess, { ...stop, upgrade: true }, facts),
          `The upgrade did not finish: the Mobility service 9.65.0.0 is still installed${wText} and ${rText}. ${run}`,
        );
      });
      for (const [v, vFacts, vText] of versions) {
        const facts = agent({ ...rFacts, ...wFacts, ...vFacts });
        it(`install stopped, ${v}, ${w}, ${r}`, () => {
          expectKorean(
            machineStateFromAgent(guess, stop, facts),
            `The Mobility service ${vText} is installed${wText} but may be incomplete, and it is ${rText}. ${run}`,
          );
        });
        it(`register stopped, ${v}, ${w}, ${r}`, () => {
          const english =
            facts.registered === true
              ? `The Mobility service ${vText} is installed${wText} and still ${rText}.`
              : `The Mobility service ${vText} is installed${wText} and ${rText}: register it again (mobility-setup register …, or Register only in the wizard).`;
          expectKorean(machineStateFromAgent(guess, { ...stop, step: 'register' }, facts), english);
        });
      }
    }

  it('not installed, after an install and after a register', () => {
    const gone = agent({ installed: false, version: null, installDir: null });
    expectKorean(
      machineStateFromAgent(guess, stop, gone),
      'The Mobility service is not installed: the installer stopped before it finished. Run the install again when the cause is fixed.',
    );
    expectKorean(
      machineStateFromAgent(guess, { ...stop, step: 'register' }, gone),
      'The Mobility service is not installed on this machine.',
    );
  });
});

describe('the outcome carries the statement coded next to its English', () => {
  it('failed, cancelled and replaced statements keep the two together', () => {
    const state = machineStateAfter('uninstall', ctx);
    const stop = failed({ code: 'uninstall.leftovers', message: 'm', machineState: state });
    expect(stop.outcome.machineState).toBe(state.message);
    expect(stop.outcome.machineStateText).toEqual({ code: state.code, params: state.params });
    expect(machineStateOf(stop.outcome)).toEqual(state);
    expect(cancelled().outcome).not.toHaveProperty('machineStateText');
    expect(cancelled().outcome.machineState).toBeNull();
    const other = machineStateAfter('check', ctx);
    expect(withMachineState(stop.outcome, other)).toMatchObject({
      machineState: 'Nothing was changed on this machine.',
      machineStateText: { code: 'stopped.nothingChanged', params: {} },
    });
    expect(withMachineState(stop.outcome, null)).toEqual(
      outcome('error', { code: 'uninstall.leftovers', message: 'm' }),
    );
  });
});

describe('the anti-virus fix and the diagnostics bundle jobs', () => {
  it('anti-virus fix: nothing changed, or what was fixed before it stopped (scanner ids kept)', () => {
    const job = antivirusFixJob({} as AntivirusService, () => undefined);
    const state = job.begin({});
    expectKorean(job.machineState('check', state), 'Nothing was changed.');
    state.results.push({ scannerId: 'defender', outcome: 'fixed' } as (typeof state.results)[number]);
    state.results.push({ scannerId: 'clamav', outcome: 'failed' } as (typeof state.results)[number]);
    expectKorean(
      job.machineState('verify', state),
      'Fixed before it stopped: defender (fixed), clamav (failed). Check again (mobility-setup av-check) to see each scanner.',
    );
  });

  it('diagnostics bundle: nothing written', () => {
    const job = diagnosticsBundleJob(
      {} as TroubleshootService,
      () => [],
      () => undefined,
    );
    expectKorean(
      job.machineState('collect', job.begin({ expectedServer: null })),
      'Nothing on this machine was changed and no bundle file was written; the files gathered so far were removed.',
    );
  });
});
