import { describe, expect, it } from 'vitest';
import { downgradeMessage, stepwiseMessage, stepwiseUpgrade, upgradePath } from '../../../common/upgrade-path';

describe('the upgrade rules', () => {
  it('decides fresh, upgrade, same, downgrade and too far from the two versions', () => {
    expect(upgradePath(null, '9.65.0.0')).toEqual({ kind: 'fresh' });
    expect(upgradePath('9.61.0.0', '9.65.0.0')).toEqual({ kind: 'upgrade', from: '9.61.0.0', to: '9.65.0.0' });
    expect(upgradePath('9.65.0.0', '9.65.0.0')).toEqual({ kind: 'same', version: '9.65.0.0' });
    // A newer build of the same minor version is an upgrade too.
    expect(upgradePath('9.65.0.0', '9.65.1.0')).toMatchObject({ kind: 'upgrade' });
    expect(upgradePath('9.65.0.0', '9.61.0.0')).toEqual({
      kind: 'downgrade',
      installed: '9.65.0.0',
      installer: '9.61.0.0',
    });
    expect(upgradePath('9.60.0.0', '9.65.0.0')).toEqual({
      kind: 'tooFar',
      from: '9.60.0.0',
      to: '9.65.0.0',
      steps: ['9.64', '9.65.0.0'],
    });
  });

  it("the stepwise path takes jumps of at most four minor versions (the vendor's 9.16 → 9.20 → 9.24)", () => {
    expect(stepwiseUpgrade('9.16', '9.24')).toEqual(['9.20', '9.24']);
    expect(stepwiseUpgrade('9.16.0.0', '9.25.0.0')).toEqual(['9.20', '9.24', '9.25.0.0']);
    expect(stepwiseUpgrade('8.50.0.0', '9.10.0.0')).toEqual(['9.10.0.0']);
    expect(upgradePath('8.50.0.0', '9.10.0.0')).toMatchObject({ kind: 'tooFar' });
  });

  it('words the refusals with what to do next', () => {
    const tooFar = upgradePath('9.16.0.0', '9.24.0.0');
    if (tooFar.kind !== 'tooFar') throw new Error('expected tooFar');
    expect(stepwiseMessage(tooFar)).toEqual({
      message:
        'Upgrading from 9.16.0.0 to 9.24.0.0 skips more than 4 versions, which the vendor does not support. Upgrade step by step: 9.16.0.0 → 9.20 → 9.24.0.0.',
      hint: 'Install each version in turn (installers needed: 9.20, 9.24.0.0), or uninstall the agent and install 9.24.0.0.',
    });
    expect(downgradeMessage({ kind: 'downgrade', installed: '9.65.0.0', installer: '9.61.0.0' }).hint).toBe(
      'Use an installer of version 9.65.0.0 or newer, or uninstall the agent first (then install 9.61.0.0).',
    );
  });
});
