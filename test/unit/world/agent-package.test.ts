import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  agentPackageName,
  buildAgentPackage,
  linuxExitStatus,
  sha256File,
  writeChecksum,
} from '../../world/agent-package';
import { extractPackage, installPackage, makeSandbox, removeSandbox, runVendor } from '../../world/vendor-runner';

let root: string;
beforeEach(async () => {
  root = await makeSandbox();
});
afterEach(async () => {
  await removeSandbox(root);
});

const build = (behavior = {}, version = '9.65.0.0') =>
  buildAgentPackage({ outDir: path.join(root, 'installers'), token: 'UBUNTU-24.04-64', version, behavior });
const read = (systemPath: string) => fs.readFile(path.join(root, systemPath), 'utf8');

describe('buildAgentPackage', () => {
  it('writes a real tar.gz with the vendor name and executable scripts', async () => {
    const file = await build();
    expect(path.basename(file)).toBe('Microsoft-ASR_UA_9.65.0.0_UBUNTU-24.04-64_GA_23Apr2025_release.tar.gz');
    expect(agentPackageName('DEBIAN12-64', '9.64.0.0', '01Jan2025')).toBe(
      'Microsoft-ASR_UA_9.64.0.0_DEBIAN12-64_GA_01Jan2025_release.tar.gz',
    );
    const head = (await fs.readFile(file)).subarray(0, 2);
    expect([...head]).toEqual([0x1f, 0x8b]);
    const modes = new Map<string, number>();
    await tar.t({ file, onReadEntry: (entry) => void modes.set(entry.path, (entry.mode ?? 0) & 0o777) });
    expect(modes.get('install')).toBe(0o755);
    expect(modes.get('UnifiedAgentConfigurator.sh')).toBe(0o755);
    expect(modes.get('uninstall.sh')).toBe(0o755);
    expect(modes.has('behavior.json')).toBe(true);
  });

  it('bakes the behaviour knobs into the archive', async () => {
    const file = await build({ installExit: 1, slowMs: 5 });
    const dir = await extractPackage(file, path.join(root, 'x'));
    expect(JSON.parse(await fs.readFile(path.join(dir, 'behavior.json'), 'utf8'))).toEqual({
      installExit: 1,
      slowMs: 5,
    });
  });

  it('refuses names the vendor never uses', async () => {
    await expect(buildAgentPackage({ outDir: root, token: '../evil' })).rejects.toThrow(/invalid token/);
    await expect(buildAgentPackage({ outDir: root, token: 'RHEL9-64', version: '9.65' })).rejects.toThrow(
      /4 numeric parts/,
    );
  });
});

describe('writeChecksum', () => {
  it('writes a sha256sum-style sidecar, right or wrong', async () => {
    const file = await build();
    const hex = await sha256File(file);
    const sidecar = await writeChecksum(file, { kind: 'sidecar' });
    expect(sidecar).toBe(`${file}.sha256`);
    expect(await fs.readFile(sidecar, 'utf8')).toBe(`${hex}  ${path.basename(file)}\n`);
    await writeChecksum(file, { kind: 'sidecar', wrong: true });
    const wrong = (await fs.readFile(sidecar, 'utf8')).split('  ')[0];
    expect(wrong).toMatch(/^[0-9a-f]{64}$/);
    expect(wrong).not.toBe(hex);
  });

  it('keeps other files in SHA256SUMS and replaces its own line', async () => {
    const file = await build();
    const sums = path.join(path.dirname(file), 'SHA256SUMS');
    await fs.writeFile(sums, `${'a'.repeat(64)}  other.tar.gz\n`);
    await writeChecksum(file, { kind: 'sums', wrong: true });
    await writeChecksum(file, { kind: 'sums' });
    const lines = (await fs.readFile(sums, 'utf8')).trim().split('\n');
    expect(lines).toEqual([`${'a'.repeat(64)}  other.tar.gz`, `${await sha256File(file)}  ${path.basename(file)}`]);
  });
});

describe('install', () => {
  it('installs under the sandbox root: files, .vx_version and ua_install.log', async () => {
    const run = await installPackage(await build(), root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Installation completed successfully.');
    const vx = await read('usr/local/.vx_version');
    expect(vx).toContain('Version=9.65.0.0\n');
    // The path it was handed, verbatim, as the vendor's installer records it (it knows nothing of the root).
    expect(vx).toContain(`INSTALLATION_DIR=${path.join(root, 'usr/local/ASR')}\n`);
    expect(vx).toContain('AGENT_CONFIGURATION_STATUS=NotStarted');
    expect(await read('var/log/ua_install.log')).toContain('install: Installation completed successfully.');
    const configurator = await fs.stat(path.join(run.installDir, 'Vx', 'bin', 'UnifiedAgentConfigurator.sh'));
    expect(configurator.mode & 0o777).toBe(0o755);
    expect((await fs.stat(path.join(run.installDir, 'uninstall.sh'))).mode & 0o111).not.toBe(0);
    expect(await fs.readFile(path.join(run.installDir, 'etc', 'drscout.conf'), 'utf8')).toContain(
      '[vxagent.transport]\nHostname=0.0.0.0',
    );
  });

  it('also writes to the -l log file', async () => {
    const extra = path.join(root, 'extra.log');
    expect((await installPackage(await build(), root, ['-l', extra])).status).toBe(0);
    expect(await fs.readFile(extra, 'utf8')).toContain('install: Installation completed successfully.');
  });

  it.each([
    [['-r', 'Agent', '-v', 'VmWare', '-q', '-c', 'CSLegacy'], 2, /role "Agent" is not valid/],
    [['-x'], 2, /unknown option "-x"/],
    [['-r', 'MS', '-v', 'VmWare'], 2, /missing required option -c/],
    [['-d'], 2, /-d needs a value/],
    [['-r', 'MS', '-v', 'Hyper-V', '-c', 'CSLegacy'], 3, /Invalid argument for -v/],
    [['-r', 'MS', '-v', 'VmWare', '-c', 'CSOld'], 3, /Invalid argument for -c/],
    [['-r', 'MS', '-v', 'VmWare', '-c', 'CSLegacy', '-d', 'relative/dir'], 10, /Invalid install location/],
  ])('%j → exit %i', async (args, code, message) => {
    const dir = await extractPackage(await build(), path.join(root, 'pkg'));
    const run = await runVendor(path.join(dir, 'install'), args, { root });
    expect(run.status).toBe(code);
    expect(run.stderr).toMatch(message);
    await expect(read('usr/local/.vx_version')).rejects.toThrow(/ENOENT/);
  });

  it('refuses to run when not root', async () => {
    const dir = await extractPackage(await build(), path.join(root, 'pkg'));
    await fs.chmod(root, 0o755);
    await fs.chmod(path.join(root, 'pkg'), 0o755);
    const run = await runVendor(path.join(dir, 'install'), ['-r', 'MS', '-v', 'VmWare', '-q', '-c', 'CSLegacy'], {
      root,
      uid: 65534,
      gid: 65534,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('must be run as root');
  });

  it('refuses a downgrade (15), needs -a Upgrade (11), keeps the registration on upgrade', async () => {
    await installPackage(await build(), root);
    await fs.writeFile(path.join(root, 'usr/local/.vx_version'), 'Version=9.66.0.0\nINSTALLATION_DIR=/usr/local/ASR\n');
    expect((await installPackage(await build(), root)).status).toBe(15);

    await fs.writeFile(
      path.join(root, 'usr/local/.vx_version'),
      'Version=9.63.0.0\nINSTALLATION_DIR=/usr/local/ASR\nAGENT_CONFIGURATION_STATUS=Succeeded\n',
    );
    const refused = await installPackage(await build(), root);
    expect(refused.status).toBe(11);
    expect(refused.stderr).toContain('-a Upgrade');
    const upgraded = await installPackage(await build(), root, ['-a', 'Upgrade']);
    expect(upgraded.status).toBe(0);
    const vx = await read('usr/local/.vx_version');
    expect(vx).toContain('Version=9.65.0.0');
    expect(vx).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
    expect((await installPackage(await build(), root)).stdout).toContain('already installed. Nothing to do.');
  });

  it('refuses an upgrade of more than 4 versions', async () => {
    await fs.mkdir(path.join(root, 'usr/local'), { recursive: true });
    await fs.writeFile(path.join(root, 'usr/local/.vx_version'), 'Version=9.60.0.0\nINSTALLATION_DIR=/usr/local/ASR\n');
    const run = await installPackage(await build(), root, ['-a', 'Upgrade']);
    expect(run.status).toBe(11);
    expect(run.stderr).toContain('at most 4 versions');
  });

  it('prints 200,000 lines when told to, to stdout and the log', async () => {
    const run = await installPackage(await build({ installLogLines: 200_000 }), root);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('Installing component file '));
    expect(lines).toHaveLength(200_000);
    expect(lines[199_999]).toBe('Installing component file 200000 of 200000');
    const logged = (await read('var/log/ua_install.log'))
      .split('\n')
      .filter((l) => l.includes('Installing component file '));
    expect(logged).toHaveLength(200_000);
  });

  it('asks for a reboot: exits 3010 (8-bit status 194 on Linux) after installing', async () => {
    const run = await installPackage(await build({ rebootRequired: true }), root);
    expect(run.status).toBe(linuxExitStatus(3010));
    expect(run.status).toBe(194);
    expect(run.stdout).toContain('A system reboot is recommended');
    expect(await read('usr/local/.vx_version')).toContain('Version=9.65.0.0');
  });

  it('fails with the configured exit code before writing anything', async () => {
    const run = await installPackage(await build({ installExit: 1 }), root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Installation failed with exit code 1');
    await expect(read('usr/local/.vx_version')).rejects.toThrow(/ENOENT/);
  });

  it('hangs until killed when told to', async () => {
    const dir = await extractPackage(await build({ hangIn: 'install' }), path.join(root, 'pkg'));
    let seen = '';
    const run = await runVendor(
      path.join(dir, 'install'),
      ['-d', path.join(root, 'usr/local/ASR'), '-r', 'MS', '-v', 'VmWare', '-q', '-c', 'CSLegacy'],
      {
        root,
        onStdout: (chunk, child) => {
          seen += chunk;
          // Killed only once it has said it is installing: it would otherwise never end (test timeout).
          if (seen.includes('Installing Mobility service components...')) child.kill('SIGTERM');
        },
      },
    );
    expect(run.signal).toBe('SIGTERM');
    expect(run.stdout).not.toContain('Installation completed');
    await expect(read('usr/local/.vx_version')).rejects.toThrow(/ENOENT/);
  });
});
