import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAgentPackage } from '../../world/agent-package';
import type { AgentBehavior } from '../../world/agent-package';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';
import { installPackage, makeSandbox, removeSandbox, runVendor } from '../../world/vendor-runner';

const PASSPHRASE = 'itUx70I47uxDuUVY';
let root: string;
let installDir: string;
const sims: CsSimulator[] = [];

async function setup(behavior: AgentBehavior = {}) {
  const file = await buildAgentPackage({ outDir: path.join(root, 'installers'), token: 'DEBIAN12-64', behavior });
  const run = await installPackage(file, root);
  expect(run.status).toBe(0);
  installDir = run.installDir;
}
async function sim(options: Partial<Parameters<typeof startCsSimulator>[0]> = {}) {
  const s = await startCsSimulator({ passphrase: PASSPHRASE, ...options });
  sims.push(s);
  return s;
}
async function secretFile(name: string, text: string) {
  const file = path.join(root, name);
  await fs.writeFile(file, text, { mode: 0o600 });
  return file;
}
const configurator = () => path.join(installDir, 'Vx', 'bin', 'UnifiedAgentConfigurator.sh');
const classic = async (endpoint: string, passphrase = PASSPHRASE) =>
  runVendor(
    configurator(),
    ['-i', endpoint, '-P', await secretFile('MobSvc.passphrase', `${passphrase}\n`), '-c', 'CSLegacy'],
    { root },
  );
const read = (systemPath: string) => fs.readFile(path.join(root, systemPath), 'utf8');

beforeEach(async () => {
  root = await makeSandbox();
});
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
  await removeSandbox(root);
});

describe('UnifiedAgentConfigurator.sh (classic)', () => {
  it('registers with the right passphrase: exit 0, recorded, .vx_version and drscout.conf updated', async () => {
    await setup();
    const cs = await sim();
    const run = await classic(cs.endpoint);
    expect(run.status).toBe(0);
    expect(cs.registrations).toHaveLength(1);
    expect(cs.registrations[0]).toMatchObject({ mode: 'classic', ok: true });
    expect(await read('usr/local/.vx_version')).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
    const conf = await fs.readFile(path.join(installDir, 'etc', 'drscout.conf'), 'utf8');
    // As in a real drscout.conf: Port is the plain-HTTP port, SslPort the HTTPS one used while Https=1.
    expect(conf).toContain(`[vxagent.transport]\nHostname=127.0.0.1\nPort=80\nSslPort=${cs.port}\nHttps=1\n`);
    const log = await read('var/log/ua_install.log');
    expect(log).toContain(`certificate SHA-256 fingerprint: ${cs.fingerprint}`);
    expect(log).not.toContain(PASSPHRASE);
    expect(run.stdout + run.stderr).not.toContain(PASSPHRASE);
  });

  it('wrong passphrase → 14, recorded as refused, never logged', async () => {
    await setup();
    const cs = await sim();
    const wrong = 'NotThePassphrase99';
    const run = await classic(cs.endpoint, wrong);
    expect(run.status).toBe(14);
    expect(run.stderr).toContain('Invalid passphrase or CS endpoint');
    expect(cs.registrations.map((r) => r.ok)).toEqual([false]);
    expect(await read('usr/local/.vx_version')).toContain('AGENT_CONFIGURATION_STATUS=Failed');
    const log = await read('var/log/ua_install.log');
    expect(log).not.toContain(wrong);
    expect(log).not.toContain(PASSPHRASE);
  });

  it('server gone → 1 with "(7) Couldn\'t connect to server"', async () => {
    await setup();
    const cs = await sim();
    await cs.close();
    const run = await classic(cs.endpoint);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("(7) Couldn't connect to server");
    expect(await read('var/log/ua_install.log')).toContain("(7) Couldn't connect to server");
  });

  it('expired certificate → 1 with "(60) Peer certificate cannot be authenticated", secret not sent', async () => {
    await setup();
    const cs = await sim({ certificate: 'expired' });
    const run = await classic(cs.endpoint);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(60) Peer certificate cannot be authenticated');
    expect(cs.registrations).toEqual([]);
  });

  it('already registered to a different server → 13', async () => {
    await setup();
    const first = await sim();
    const second = await sim();
    expect((await classic(first.endpoint)).status).toBe(0);
    const run = await classic(second.endpoint);
    expect(run.status).toBe(13);
    expect(run.stderr).toContain(`already registered with configuration server ${first.endpoint}`);
    expect(second.registrations).toEqual([]);
    expect((await classic(first.endpoint)).status).toBe(0);
  });

  it.each([
    [['-i', '127.0.0.1', '-c', 'CSLegacy'], 2],
    [['-i', '127.0.0.1', '-P', '/nonexistent/passphrase', '-c', 'CSLegacy'], 3],
    [['-i', '127.0.0.1', '-P', '/nonexistent/passphrase'], 2],
    [['-i', '127.0.0.1', '-P', '/nonexistent/passphrase', '-c', 'Classic'], 3],
    [['--passphrase', PASSPHRASE], 2],
  ])('%j → exit %i', async (args, code) => {
    await setup();
    const run = await runVendor(configurator(), args, { root });
    expect(run.status).toBe(code);
    expect(run.stdout + run.stderr).not.toContain(PASSPHRASE);
  });

  it('honours registerExit before contacting the server', async () => {
    await setup({ registerExit: 17 });
    const cs = await sim();
    expect((await classic(cs.endpoint)).status).toBe(17);
    expect(cs.registrations).toEqual([]);
  });

  it('hangs in register until killed', async () => {
    await setup({ hangIn: 'register' });
    const cs = await sim();
    const file = await secretFile('MobSvc.passphrase', PASSPHRASE);
    const run = await runVendor(configurator(), ['-i', cs.endpoint, '-P', file, '-c', 'CSLegacy'], {
      root,
      onStdout: (chunk, child) => void (chunk.includes('Connecting to') && child.kill('SIGTERM')),
    });
    expect(run.signal).toBe('SIGTERM');
    expect(cs.registrations).toEqual([]);
  });
});

describe('UnifiedAgentConfigurator.sh (modernized)', () => {
  it('registers with config.json; a wrong key → 14', async () => {
    await setup();
    const appliance = await sim();
    const bad = await secretFile('bad-config.json', appliance.applianceConfig('not-the-key'));
    const badRun = await runVendor(configurator(), ['-S', bad, '-q', '-c', 'CSPrime'], { root });
    expect(badRun.status).toBe(14);
    const good = await secretFile('config.json', appliance.applianceConfig());
    const run = await runVendor(configurator(), ['-S', good, '-q', '-c', 'CSPrime'], { root });
    expect(run.status).toBe(0);
    expect(appliance.registrations.map((r) => [r.mode, r.ok])).toEqual([
      ['modernized', false],
      ['modernized', true],
    ]);
    expect(await read('var/log/ua_install.log')).not.toContain(appliance.applianceKey);
  });

  it('rejects a config.json that is not JSON without quoting it', async () => {
    await setup();
    const file = await secretFile('config.json', '{"key": "SECRETKEY", oops');
    const run = await runVendor(configurator(), ['-S', file, '-q', '-c', 'CSPrime'], { root });
    expect(run.status).toBe(3);
    expect(run.stderr).not.toContain('SECRETKEY');
  });
});

describe('uninstall.sh', () => {
  it('-Y removes the install folder and .vx_version; anything else → 2', async () => {
    await setup();
    const script = path.join(installDir, 'uninstall.sh');
    expect((await runVendor(script, [], { root, cwd: installDir })).status).toBe(2);
    const run = await runVendor(script, ['-Y'], { root, cwd: installDir });
    expect(run.status).toBe(0);
    await expect(fs.stat(installDir)).rejects.toThrow(/ENOENT/);
    await expect(read('usr/local/.vx_version')).rejects.toThrow(/ENOENT/);
    expect(await read('var/log/ua_install.log')).toContain('uninstall: Mobility service uninstalled successfully.');
  });
});
