/**
 * Uninstall through the elevated helper: the request names nothing but "uninstall"; the helper (root) finds the
 * installed agent's folder in its root-owned state file and runs only an uninstaller that is root's alone.
 * A real other local user tries to get a script of theirs run as root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultHelperCommand } from '../../../../main/core/elevation/helper-command';
import { createHelperElevator } from '../../../../main/core/elevation/helper-elevator';
import { runHelper } from '../../../../main/core/elevation/run-helper';
import { readVx, useInstallTestSetup } from '../install/install-world';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import type { LocalUser } from '../../helpers/local-user';
import { readResult, requestOf, useHelperScratch } from './helper-world';

const scratch = useHelperScratch();
const setup = useInstallTestSetup();
/** The helper as started by root itself (no pkexec/sudo): the requester is root, who may name a sandbox. */
const DIRECT: NodeJS.ProcessEnv = {};
const isRoot = process.getuid?.() === 0;
/** What the app's uninstall job hands its elevator; the request written for the helper drops the folder. */
const UNINSTALL = { operation: 'uninstall' as const, installDir: '/usr/local/ASR' };

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A script that records who ran it, where, and with what, into `marker`, then removes the agent like the vendor's. */
const markingUninstaller = (marker: string) =>
  `#!/bin/sh\necho "uid=$(id -u) cwd=$(pwd) args=$*" >> '${marker}'\nrm -rf "$(pwd)" "$MS_VX"\necho "uninstalled"\n`;

/**
 * A sandbox machine as root leaves it after installing into `agentDir` (a system path): root's .vx_version
 * recording the physical folder (as the vendor installer does under a root prefix) and root's uninstall.sh.
 */
function installedAgent(agentDir = '/usr/local/ASR'): { root: string; agent: string; marker: string; vx: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ms-uninstall-root-'));
  made.push(root);
  chmodSync(root, 0o755);
  const agent = path.join(root, agentDir);
  mkdirSync(agent, { recursive: true, mode: 0o755 });
  const vx = path.join(root, 'usr/local/.vx_version');
  mkdirSync(path.dirname(vx), { recursive: true, mode: 0o755 });
  writeFileSync(vx, `Version=9.65.0.0\nINSTALLATION_DIR=${agent}\nAGENT_CONFIGURATION_STATUS=Succeeded\n`, {
    mode: 0o644,
  });
  const marker = path.join(root, 'uninstall-ran.log');
  writeFileSync(path.join(agent, 'uninstall.sh'), markingUninstaller(marker).replace('$MS_VX', vx), { mode: 0o755 });
  return { root, agent, marker, vx };
}

describe.skipIf(!isRoot)('the uninstall helper request', () => {
  it("runs the uninstall.sh of the folder root's .vx_version records, as root, in that folder", async () => {
    const { root, agent, marker, vx } = installedAgent();
    const w = await scratch.write(requestOf(UNINSTALL, { sandboxRoot: root }));
    expect(JSON.parse(readFileSync(w.requestFile, 'utf8')).operation).toEqual({ operation: 'uninstall' });
    expect(await runHelper(w.requestFile, DIRECT)).toBe(0);
    expect(await readResult(w)).toMatchObject({ ok: true, code: 0 });
    expect(readFileSync(marker, 'utf8')).toBe(`uid=0 cwd=${agent} args=-Y\n`);
    expect(readFileSync(w.outputFile, 'utf8')).toContain('uninstalled');
    expect(existsSync(agent) || existsSync(vx)).toBe(false);
  });

  it('nothing installed: refused as nothing to uninstall, and nothing runs', async () => {
    const { root, marker, vx } = installedAgent();
    rmSync(vx);
    const w = await scratch.write(requestOf(UNINSTALL, { sandboxRoot: root }));
    expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.notInstalled' });
    expect(existsSync(marker)).toBe(false);
  });

  it('ATTACK: a request naming a folder, a program or arguments is refused (the schema takes the word only)', async () => {
    const { root, marker } = installedAgent();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'ms-uninstall-other-'));
    made.push(elsewhere);
    writeFileSync(path.join(elsewhere, 'uninstall.sh'), markingUninstaller(marker), { mode: 0o755 });
    for (const operation of [
      { operation: 'uninstall', installDir: elsewhere },
      { operation: 'uninstall', file: '/bin/sh', args: ['-c', 'id'] },
    ]) {
      const w = await scratch.write({ ...requestOf(UNINSTALL, { sandboxRoot: root }), operation });
      expect(await runHelper(w.requestFile, DIRECT)).toBe(3);
      expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.requestInvalid' });
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe.skipIf(!CAN_CREATE_USERS)('another local user and the uninstall helper', () => {
  const users = localUsers();
  let user: LocalUser;
  beforeAll(async () => {
    user = await users.create('msun');
  }, 30_000);
  afterAll(async () => {
    await users.removeAll();
  });

  /** Runs node as the user (their uid and gid, nothing inherited): the user acts themselves. */
  function asUser(script: string, ...args: string[]): string {
    const run = spawnSync(process.execPath, ['-e', script, ...args], {
      uid: user.uid,
      gid: user.gid,
      cwd: '/tmp',
      env: { PATH: '/usr/bin:/bin' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`as ${user.name}: ${run.stderr}`);
    return run.stdout.trim();
  }

  it('ATTACK: the agent installed under a folder the user owns: their swapped uninstall.sh never runs as root', async () => {
    // The person installed into /srv/shared/ASR, and /srv/shared belongs to the other user.
    const { root, agent, marker } = installedAgent('/srv/shared/ASR');
    chownSync(path.dirname(agent), user.uid, user.gid);
    // The user renames root's folder away (theirs to do in their folder) and puts their own uninstaller in its place.
    asUser(
      `const fs=require('fs'),path=require('path');const agent=process.argv[1];
       fs.renameSync(agent, agent+'.old'); fs.mkdirSync(agent);
       fs.writeFileSync(path.join(agent,'uninstall.sh'),'#!/bin/sh\\necho "uid=$(id -u) planted" >> '+process.argv[2]+'\\n',{mode:0o755});`,
      agent,
      marker,
    );
    const w = await scratch.write(requestOf(UNINSTALL, { sandboxRoot: root }));
    const code = await runHelper(w.requestFile, DIRECT);
    // First the harm: without the check, root runs the user's script ("uid=0 planted").
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    expect(code).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.uninstaller' });
  });

  it('ATTACK: the agent installed into a folder anyone can write: refused before anything runs', async () => {
    const { root, agent, marker } = installedAgent('/opt/asr-open');
    chmodSync(agent, 0o777);
    asUser(
      `const fs=require('fs');fs.writeFileSync(process.argv[1]+'/uninstall.sh.new','#!/bin/sh\\nid > '+process.argv[2]+'\\n',{mode:0o755});
       fs.renameSync(process.argv[1]+'/uninstall.sh.new', process.argv[1]+'/uninstall.sh');`,
      agent,
      marker,
    );
    const w = await scratch.write(requestOf(UNINSTALL, { sandboxRoot: root }));
    const code = await runHelper(w.requestFile, DIRECT);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    expect(code).toBe(3);
    expect(await readResult(w)).toMatchObject({ ok: false, refused: 'helper.uninstaller' });
  });

  it('ATTACK: a planted sandbox root (their .vx_version naming their uninstall.sh) is refused: only root may name one', async () => {
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'ms-uninstall-marker-')), 'ran.log');
    made.push(path.dirname(marker));
    chmodSync(path.dirname(marker), 0o777);
    const attack = asUser(
      `const fs=require('fs'),path=require('path');
       const root=fs.mkdtempSync('/tmp/ms-uninstall-attack-'); const agent=path.join(root,'usr/local/ASR');
       fs.mkdirSync(agent,{recursive:true});
       fs.writeFileSync(path.join(root,'usr/local/.vx_version'),'Version=9.65.0.0\\nINSTALLATION_DIR='+agent+'\\n');
       fs.writeFileSync(path.join(agent,'uninstall.sh'),'#!/bin/sh\\necho "uid=$(id -u) planted" >> '+process.argv[1]+'\\n',{mode:0o755});
       const dir=fs.mkdtempSync('/tmp/mobility-setup-elevate-'); fs.chmodSync(dir,0o700);
       const req={version:2,platform:'linux',operation:{operation:'uninstall'},sandboxRoot:root,inactivityTimeoutMs:60000};
       fs.writeFileSync(path.join(dir,'request.json'),JSON.stringify(req),{mode:0o600,flag:'wx'});
       for (const f of ['output.log','stage','result.json']) fs.writeFileSync(path.join(dir,f),'',{mode:0o600,flag:'wx'});
       console.log(JSON.stringify({root,dir}));`,
      marker,
    );
    const { root, dir } = JSON.parse(attack) as { root: string; dir: string };
    made.push(root, dir);
    // pkexec names the user who asked: root runs the helper on their request.
    const code = await runHelper(path.join(dir, 'request.json'), { PKEXEC_UID: String(user.uid) });
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    expect(code).toBe(3);
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'))).toMatchObject({
      ok: false,
      refused: 'helper.sandboxRoot',
    });
  });
});

describe.skipIf(!isRoot)('a person who is not root uninstalls through the helper', () => {
  it('the uninstall job asks the helper with a request that names only "uninstall"; the agent is gone on disk', async () => {
    const { root, installerDir } = await setup.rootWithInstaller();
    const installed = await setup
      .installer(root)
      .run('startInstall', { installerDir, registration: { mode: 'none', serverKind: 'classic' } });
    expect(installed.state).toBe('succeeded');
    const requests: unknown[] = [];
    // The password prompt granted: the helper runs as under pkexec (root asked here, so the sandbox may be named).
    const launcher = {
      launch: async (c: { args: string[] }) => {
        const file = c.args.at(-1)!;
        requests.push(JSON.parse(readFileSync(file, 'utf8')));
        await runHelper(file, DIRECT);
        return { kind: 'completed' as const };
      },
    };
    const elevator = createHelperElevator(
      'linux',
      launcher,
      defaultHelperCommand('/opt/mobility-setup/dist/main/cli.js'),
    );
    const uninstaller = setup.installer(root, { elevator });
    const started = await uninstaller.dispatch('startUninstall', {});
    if (!started.ok) throw new Error(started.error.message);
    const job = await uninstaller.wait((started.value as { jobId: string }).jobId);
    expect(job).toMatchObject({ kind: 'uninstall', state: 'succeeded', outcome: { code: 'uninstall.succeeded' } });
    expect(requests).toEqual([expect.objectContaining({ operation: { operation: 'uninstall' }, sandboxRoot: root })]);
    expect(existsSync(path.join(root, 'usr/local/ASR'))).toBe(false);
    expect((await readVx(root)).size).toBe(0);
  });
});
