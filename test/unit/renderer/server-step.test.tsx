// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTransport } from './fake-transport';
import { connectivityRefused, installerChoice, toInstallFake } from './fixtures';
import { disabled, missingKeys, renderApp } from './render-app';

const SECRET = 'itUx70I47uxDuUVY';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

function coreFake(): FakeTransport {
  return toInstallFake().on('getJob', (input) => ({
    ok: false,
    error: { code: 'job.notFound', message: `no ${input.jobId}` },
  }));
}

const click = (name: string | RegExp) => act(() => screen.getByRole('button', { name }).click());

async function toServerStep(fake: FakeTransport) {
  renderApp(fake);
  await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(false));
  click('Continue');
  await screen.findByText('Checksum verified');
  expect(fake.callsOf('findInstaller')).toEqual([{ dir: '/srv/installers' }]);
  expect(screen.getByLabelText<HTMLInputElement>('Installer folder').value).toBe('/srv/installers');
  click('Continue');
  await screen.findByRole('heading', { level: 1, name: 'Register with a server' });
}

describe('server step', () => {
  it('validates the address as it is typed', async () => {
    const fake = coreFake();
    await toServerStep(fake);
    const address = screen.getByLabelText<HTMLInputElement>('Configuration server address');
    expect(address.value).toBe('10.0.0.5');
    expect(address.getAttribute('aria-invalid')).toBe('false');

    fireEvent.change(address, { target: { value: 'https://cs01.contoso.local' } });
    expect(address.getAttribute('aria-invalid')).toBe('true');
    const describedBy = address.getAttribute('aria-describedby') ?? '';
    const message = document.getElementById(describedBy.split(' ')[0] ?? '');
    expect(message?.textContent).toMatch(/without https:\/\//);
    expect(disabled(screen.getByRole('button', { name: 'Check connection' }))).toBe(true);

    fireEvent.change(address, { target: { value: 'cs01.contoso.local:99999' } });
    expect(screen.getByText('The port must be a number from 1 to 65535.')).toBeTruthy();

    fireEvent.change(address, { target: { value: 'cs01.contoso.local:8443' } });
    expect(address.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Connects to cs01.contoso.local on port 8443.')).toBeTruthy();
  });

  it('masks the passphrase with a Show toggle and explains what is wrong with it', async () => {
    await toServerStep(coreFake());
    // Exactly one control is labelled "passphrase" (the e2e tests find it by that label).
    expect(screen.getAllByLabelText(/passphrase/i)).toEqual([screen.getByLabelText('Passphrase')]);
    expect(screen.getByRole('button', { name: 'Load MobSvc.passphrase…' })).toBeTruthy();
    const input = screen.getByLabelText<HTMLInputElement>('Passphrase');
    expect(input.type).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('spellcheck')).toBe('false');
    const toggle = screen.getByRole('button', { name: 'Show' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    click('Show');
    expect(input.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    click('Show');
    expect(input.type).toBe('password');

    fireEvent.change(input, { target: { value: 'has space' } });
    expect(screen.getByText('The passphrase cannot contain spaces or line breaks.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'short1' } });
    expect(screen.getByText(/usually 16 characters; this one has 6/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('loads the passphrase from MobSvc.passphrase without its line break', async () => {
    await toServerStep(coreFake());
    const file = new File([`${SECRET}\r\n`], 'MobSvc.passphrase', { type: 'text/plain' });
    await act(async () => {
      fireEvent.change(screen.getByTestId('passphrase-file'), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Passphrase').value).toBe(SECRET));
  });

  it('blocks registration when the connection check says the server cannot be reached', async () => {
    const fake = coreFake().on('checkConnectivity', connectivityRefused);
    await toServerStep(fake);
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: SECRET } });
    click('Check connection');
    await screen.findByText('Registration is not possible until the server can be reached.');
    // The check is shown by icon AND word, and the code is translated.
    expect(screen.getAllByText('Failed').length).toBeGreaterThan(0);
    expect(screen.getByText('The configuration server refused the connection on its control port.')).toBeTruthy();
    expect(disabled(screen.getByRole('button', { name: 'Continue' }))).toBe(true);
  });

  it('sends the passphrase only in startInstall, then forgets it', async () => {
    const fake = coreFake();
    await toServerStep(fake);
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: SECRET } });
    // Continue runs the connection check itself, then moves on when registration is possible.
    click('Continue');
    await screen.findByRole('heading', { level: 1, name: 'Review' });
    expect(fake.callsOf('checkConnectivity')).toEqual([{ endpoint: '10.0.0.5', dataPort: 9443 }]);
    click('Install');
    await screen.findByRole('heading', { level: 1, name: 'Installing the Mobility service' });

    expect(fake.callsOf('startInstall')).toEqual([
      {
        installerDir: '/srv/installers',
        installerFile: installerChoice.chosen.path,
        registration: { mode: 'classic', endpoint: '10.0.0.5', passphrase: SECRET },
        dataPort: 9443,
        // The anti-virus check found no scanner: recorded as such in the summary.
        antivirusChoice: 'allExcluded',
      },
    ]);
    const others = fake.calls.filter((c) => c.method !== 'startInstall');
    expect(others.length).toBeGreaterThan(3);
    expect(JSON.stringify(others)).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('reads the appliance config.json in the page, checks it is JSON and never shows it', async () => {
    const fake = coreFake();
    await toServerStep(fake);
    act(() => screen.getByRole('radio', { name: 'Replication appliance (modernized)' }).click());
    const picker = screen.getByLabelText('Choose config.json…');
    await act(
      async () => void fireEvent.change(picker, { target: { files: [new File(['not json'], 'config.json')] } }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('config.json is not a JSON configuration file.');
    const config = JSON.stringify({
      applianceName: 'app01',
      applianceEndpoint: '127.0.0.1:4443',
      key: 'APPLIANCE-KEY-SECRET',
    });
    await act(async () => void fireEvent.change(picker, { target: { files: [new File([config], 'config.json')] } }));
    await screen.findByText(/config\.json loaded/);
    expect(document.body.innerHTML).not.toContain('APPLIANCE-KEY-SECRET');
    click('Continue');
    await screen.findByRole('heading', { level: 1, name: 'Review' });
    click('Install');
    await screen.findByRole('heading', { level: 1, name: 'Installing the Mobility service' });
    expect(fake.callsOf('startInstall')).toMatchObject([{ registration: { mode: 'modernized', configJson: config } }]);
    expect(JSON.stringify(fake.calls.filter((c) => c.method !== 'startInstall'))).not.toContain('APPLIANCE-KEY-SECRET');
    expect(fake.callsOf('checkConnectivity')).toEqual([]);
  });
});
