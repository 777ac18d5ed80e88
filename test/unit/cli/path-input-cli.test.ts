/**
 * The .vx_version injection through the install folder, for real: `--install-dir $'/opt/asr\nINSTALLATION_DIR=…'`
 * must be refused before anything runs, as must a control character in every other path option.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes';
import { PASSPHRASE, readVx, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

describe.skipIf(!BUILT)(
  `control characters in paths (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`,
  () => {
    it('--install-dir with a line break: exit 2, the installer never ran, no .vx_version line injected', async () => {
      const { root, installerDir } = await setup.rootWithInstaller();
      const evil = `/opt/asr\nINSTALLATION_DIR=${root}/evil`;
      const result = await runCli([
        '--root',
        root,
        'install',
        '--installer-dir',
        installerDir,
        '--install-dir',
        evil,
        '--no-register',
        '--server-kind',
        'classic',
        '--yes',
      ]);
      expect(result.code).toBe(EXIT.usage);
      expect(result.stderr).toContain(
        '--install-dir: The --install-dir path contains a control character or a line break',
      );
      // The value is not echoed (it could carry terminal escapes).
      expect(result.stderr).not.toContain('INSTALLATION_DIR=');
      expect(existsSync(path.join(root, 'var/log/ua_install.log'))).toBe(false);
      expect((await readVx(root)).size).toBe(0);
    });

    it('every path option refuses C0, DEL, C1 and U+2028/2029 with exit 2', async () => {
      const { root, installerDir } = await setup.rootWithInstaller();
      const passphraseFile = path.join(root, 'MobSvc.passphrase');
      await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
      const base = [
        'install',
        '--installer-dir',
        installerDir,
        '--cs-endpoint',
        setup.cs.endpoint,
        '--passphrase-file',
        passphraseFile,
        '--yes',
      ];
      const cases: Array<[string, string[]]> = [
        ['--root', ['--root', `${root}\u2028`, ...base]],
        [
          '--installer-dir',
          [
            '--root',
            root,
            'install',
            '--installer-dir',
            `${installerDir}\u0085`,
            '--no-register',
            '--server-kind',
            'classic',
            '--yes',
          ],
        ],
        ['--install-dir', ['--root', root, ...base, '--install-dir', '/opt/asr\u2029x']],
        ['--passphrase-file', installAndRegisterArgs(root, installerDir, setup.cs.endpoint, `${passphraseFile}\r`)],
        ['--config-file', ['--root', root, 'register', '--config-file', `${root}/config\u001b.json`, '--yes']],
        ['--root', ['--root', `${root}\u007f`, 'detect']],
        ['--installer-dir', ['--root', root, 'serve', '--installer-dir', `${installerDir}\t`, '--port', '0']],
      ];
      for (const [option, args] of cases) {
        const result = await runCli(args);
        expect(result.code, `${option} in ${args.join(' ')}`).toBe(EXIT.usage);
        expect(result.stderr).toContain(`${option}: The ${option} path contains a control character`);
      }
      expect(existsSync(path.join(root, 'var/log/ua_install.log'))).toBe(false);
    });
  },
);
