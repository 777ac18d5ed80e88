// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTransport } from './fake-transport';
import { installerChoice, report, session } from './fixtures';
import { disabled, missingKeys, renderApp } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

async function toInstallerStep(fake: FakeTransport) {
  renderApp(fake);
  await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(false));
  act(() => screen.getByRole('button', { name: 'Continue' }).click());
  await screen.findByRole('heading', { level: 1, name: 'Choose the installer' });
}

describe('installer step', () => {
  it("shows the default install folder the session names (the core's OS profile), not one of its own", async () => {
    // A folder no renderer constant holds: only the session can have put it there.
    const windowsDir = 'D:\\Agents\\Site Recovery';
    const folders = { installDir: windowsDir, logDir: 'C:\\ProgramData\\Mobility Setup' };
    const fake = new FakeTransport()
      .on('getSession', {
        ...session,
        platform: 'win32',
        folders,
        defaults: { ...session.defaults, installerDir: null },
      })
      .on('detect', report);
    await toInstallerStep(fake);
    expect(screen.getByLabelText<HTMLInputElement>('Install folder (optional)').placeholder).toBe(windowsDir);
  });

  it('explains installer.none with the catalog text, its params and what was found', async () => {
    const fake = new FakeTransport()
      .on('getSession', { ...session, defaults: { ...session.defaults, installerDir: null } })
      .on('detect', report)
      .fail('findInstaller', {
        code: 'installer.none',
        message: 'No installer for UBUNTU-22.04-64 in /srv/x. Found: a, b.',
        hint: 'core hint',
        params: {
          dir: '/srv/x',
          token: 'UBUNTU-22.04-64',
          found: 'Microsoft-ASR_UA_9.65.0.0_RHEL8-64_GA_23Apr2025_release.tar.gz',
          wanted: 'Microsoft-ASR_UA_<version>_UBUNTU-22.04-64_GA_<date>_release.tar.gz',
        },
      });
    await toInstallerStep(fake);
    // No folder was given on the command line: nothing is searched until the user asks.
    expect(fake.callsOf('findInstaller')).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>('Install folder (optional)').placeholder).toBe('/usr/local/ASR');
    fireEvent.change(screen.getByLabelText('Installer folder'), { target: { value: ' /srv/x ' } });
    await act(async () => screen.getByRole('button', { name: 'Find installer' }).click());
    expect(fake.callsOf('findInstaller')).toEqual([{ dir: '/srv/x' }]);
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('installer.none');
    expect(alert.textContent).toContain('No installer for UBUNTU-22.04-64 was found in /srv/x.');
    expect(alert.textContent).toContain(
      'Put Microsoft-ASR_UA_<version>_UBUNTU-22.04-64_GA_<date>_release.tar.gz in /srv/x, then search again.',
    );
    expect(alert.textContent).toContain(
      'Installer files in the folder: Microsoft-ASR_UA_9.65.0.0_RHEL8-64_GA_23Apr2025_release.tar.gz',
    );
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(true);
  });

  it('blocks Continue on a checksum mismatch and shows the installer facts', async () => {
    const fake = new FakeTransport()
      .on('getSession', session)
      .on('detect', report)
      .on('findInstaller', { ...installerChoice, checksum: 'mismatch' });
    await toInstallerStep(fake);
    await screen.findByText('Checksum does not match');
    expect(screen.getByText(installerChoice.chosen.fileName)).toBeTruthy();
    expect(screen.getByText('179.0 MB')).toBeTruthy();
    expect(screen.getByText('a'.repeat(64))).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'does not match its checksum file /srv/installers/SHA256SUMS',
    );
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(true);
  });

  it('shows who owns the chosen installer (user, uid, mode)', async () => {
    const fake = new FakeTransport()
      .on('getSession', session)
      .on('detect', report)
      .on('findInstaller', { ...installerChoice, owner: { uid: 0, user: 'root', gid: 0, mode: '0644' } });
    await toInstallerStep(fake);
    await screen.findByText('root (uid 0), mode 0644');
    expect(screen.getByText('Owner')).toBeTruthy();
  });

  it('refuses a control character in the folders as typed: error shown, Find and Continue disabled', async () => {
    const fake = new FakeTransport()
      .on('getSession', session)
      .on('detect', report)
      .on('findInstaller', installerChoice);
    await toInstallerStep(fake);
    await screen.findByText(installerChoice.chosen.fileName);
    // A text input drops line feeds itself; U+2028 and other controls get through, and the vendor's files may split on them.
    fireEvent.change(screen.getByLabelText('Install folder (optional)'), {
      target: { value: '/opt/asr\u2028INSTALLATION_DIR=/tmp/evil' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('control character or a line break');
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(true);
    fireEvent.change(screen.getByLabelText('Install folder (optional)'), { target: { value: '/opt/asr' } });
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(false);
    fireEvent.change(screen.getByLabelText('Installer folder'), { target: { value: '/srv/x\u2028y' } });
    expect(disabled(screen.getByRole('button', { name: 'Find installer' }))).toBe(true);
    expect(screen.getByLabelText('Installer folder').getAttribute('aria-invalid')).toBe('true');
  });
});
