/**
 * A sandbox root with a broken install, as a person finds it on site: Ubuntu 22.04 with agent 9.65 registered
 * to configuration server 10.150.24.8 (drscout.conf), and a vendor log whose last run tried to register it with
 * another server and failed with exit 13. The troubleshooting tests and the e2e spec read it.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REGISTERED_SERVER = '10.150.24.8';
/** A canary passphrase written into the vendor log: it must never reach a bundle. */
export const CANARY_PASSPHRASE = 'Qz7CanaryPw9Xk2Lm';

const FIXTURE = path.resolve(__dirname, '../fixtures/roots/ubuntu-22.04-agent-registered');

export function failedRegistrationLog(expected: string): string {
  const t = (s: number) => `2026-11-30 14:02:${String(s).padStart(2, '0')}.512`;
  return [
    `${t(1)} install: Microsoft Azure Site Recovery Mobility Service installer 9.65.0.0 (UBUNTU-22.04-64, 23Apr2025)`,
    `${t(2)} install: Installation completed successfully.`,
    `${t(3)} configurator: Registering the Mobility service with configuration server ${expected} (classic).`,
    `${t(3)} configurator: Passphrase=${CANARY_PASSPHRASE}`,
    `${t(3)} configurator: read passphrase file (17 bytes): ${CANARY_PASSPHRASE}`,
    `${t(4)} configurator: ERROR: The agent is already registered with configuration server ${REGISTERED_SERVER}:443, not ${expected}.`,
    `${t(4)} configurator: Unregister the agent from that server (or uninstall and reinstall it) before registering it again.`,
    `${t(4)} configurator: Agent configuration failed with exit code 13. Details: /var/log/ua_install.log`,
    '',
  ].join('\n');
}

/** Makes the root; `expected` is the server the person meant to register with. */
export async function makeBrokenInstallRoot(expected: string, parent = os.tmpdir()): Promise<string> {
  const root = await mkdtemp(path.join(parent, 'broken-install-'));
  await cp(FIXTURE, root, { recursive: true });
  await mkdir(path.join(root, 'var/log'), { recursive: true });
  await writeFile(path.join(root, 'var/log/ua_install.log'), failedRegistrationLog(expected));
  await mkdir(path.join(root, 'etc/ssh'), { recursive: true });
  await writeFile(
    path.join(root, 'etc/ssh/sshd_config'),
    'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n',
  );
  await writeFile(path.join(root, 'etc/hostname'), 'appvm01\n');
  await writeFile(path.join(root, 'etc/hosts'), '127.0.0.1 localhost\n');
  await mkdir(path.join(root, 'proc'), { recursive: true });
  return root;
}
