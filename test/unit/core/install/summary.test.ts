import { describe, expect, it } from 'vitest';
import type { AgentFacts } from '../../../../common/detection';
import { NOTHING_CHANGED, machineStateFromAgent } from '../../../../main/core/install/outcomes';
import { machineState } from '../../../../main/core/jobs/job-stop';
import { linuxProfile } from '../../../../main/platform/linux/profile';
import { win32Profile } from '../../../../main/platform/win32/profile';

const agent = (a: Partial<AgentFacts>): AgentFacts => ({
  installed: true,
  version: '9.65.0.0',
  installDir: '/usr/local/ASR',
  registered: false,
  configurationStatus: 'NotStarted',
  csAddress: null,
  source: '/usr/local/.vx_version',
  ...a,
});
const uninstallHint = (dir: string) => `as root: cd ${dir} && ./uninstall.sh -Y`;

describe('Azure VM agent note', () => {
  it('appears only for an installed agent; on Windows only from 9.7.0.0 (the vendor installs it from that version)', () => {
    expect(linuxProfile.azureVmAgentNote(agent({}))).toMatch(/^Install WALinuxAgent on the Azure VM after failover/);
    expect(linuxProfile.azureVmAgentNote(agent({ installed: false, version: null }))).toBeNull();
    const windowsNote = 'The Azure VM agent is installed with the Mobility service (9.7.0.0 and later).';
    expect(win32Profile.azureVmAgentNote(agent({ version: '9.7.0.0' }))).toBe(windowsNote);
    expect(win32Profile.azureVmAgentNote(agent({ version: '9.65.0.0' }))).toBe(windowsNote);
    expect(win32Profile.azureVmAgentNote(agent({ version: '9.6.0.0' }))).toBeNull();
    expect(win32Profile.azureVmAgentNote(agent({ version: null }))).toBeNull();
    expect(win32Profile.azureVmAgentNote(agent({ installed: false, version: null }))).toBeNull();
  });
});

describe('machine state after a failed or cancelled job', () => {
  const stop = { step: 'install' as const, upgrade: false, targetVersion: '9.65.0.0', uninstallHint };
  const guess = machineState('stopped.install.partly', { installDir: '/usr/local/ASR', uninstallHint: 'x' });

  it('is read from the agent as it is now: one statement, never "may be partly installed" beside "not installed"', () => {
    expect(
      machineStateFromAgent(guess, stop, agent({ installed: false, version: null, installDir: null }))?.message,
    ).toMatch(/^The Mobility service is not installed/);
    expect(machineStateFromAgent(guess, { ...stop, upgrade: true }, agent({ version: '9.60.0.0' }))?.message).toBe(
      'The upgrade did not finish: the Mobility service 9.60.0.0 is still installed in /usr/local/ASR and not registered. Run the install again, or uninstall it (as root: cd /usr/local/ASR && ./uninstall.sh -Y).',
    );
    expect(
      machineStateFromAgent(
        guess,
        { ...stop, step: 'register' },
        agent({ registered: true, csAddress: '10.0.0.5:4443' }),
      )?.message,
    ).toBe('The Mobility service 9.65.0.0 is installed in /usr/local/ASR and still registered with 10.0.0.5:4443.');
    expect(machineStateFromAgent(guess, { ...stop, step: 'register' }, agent({}))?.message).toMatch(
      /installed in \/usr\/local\/ASR and not registered: register it again/,
    );
  });

  it('keeps an exact "nothing changed" and what it had when the agent could not be read', () => {
    expect(machineStateFromAgent(NOTHING_CHANGED, stop, agent({}))).toBe(NOTHING_CHANGED);
    expect(machineStateFromAgent(guess, { ...stop, step: 'check' }, agent({}))).toBe(guess);
    expect(machineStateFromAgent(guess, stop, null)).toBe(guess);
  });
});
