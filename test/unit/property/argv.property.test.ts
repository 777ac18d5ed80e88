/**
 * Hostile folder names and passphrases never meet a shell: a folder name the API accepts reaches a real
 * child process as exactly one, byte-identical argv element; a passphrase the validator accepts reaches
 * it only as the content of a secret file whose path is the argument, never in argv or the environment.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../common/api';
import { checkPassphrase } from '../../../common/passphrase';
import { hasControlCharacter } from '../../../common/path-input';
import { withSecretFile } from '../../../main/core/jobs/secret-file';
import { processRunner } from '../../../main/platform/process-runner';
import { hostileChar, hostileText, isWellFormed } from './hostile-strings';

const PRINT_ARGV = 'process.stdout.write(JSON.stringify(process.argv.slice(1)))';
const READ_SECRET = [
  'const fs = require("fs");',
  'const file = process.argv[1];',
  'process.stdout.write(JSON.stringify({ argv: process.argv.slice(1), env: process.env, content: fs.readFileSync(file).toString("base64") }));',
].join(' ');

let sandbox: string;
let canary: string;
beforeAll(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'argv-property-'));
  canary = path.join(sandbox, 'pwned');
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describe('hostile folder names', () => {
  it('are refused by the request validator or arrive as one identical argv element', async () => {
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(hostileText('CANARY_PATH', 60), async (raw) => {
        const name = raw.replaceAll('CANARY_PATH', canary);
        fc.pre(isWellFormed(name));
        const folder = `/srv/installers/${name}`;
        if (!requestSchemas.findInstaller.safeParse({ dir: folder }).success) {
          // Only control characters (NUL, line breaks, C1, U+2028/2029) are refused: common/path-input.ts.
          expect(hasControlCharacter(folder)).toBe(true);
          return;
        }
        const result = await processRunner.run(process.execPath, ['-e', PRINT_ARGV, '--', folder, name], {
          timeoutMs: 20_000,
        });
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual([folder, name]);
        passed += 1;
      }),
      { numRuns: 50 },
    );
    expect(passed).toBeGreaterThan(0);
    expect(existsSync(canary)).toBe(false);
  });

  it('reach a non-Node program intact too (printf %s, NUL-separated)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: hostileChar, minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\0')),
        async (name) => {
          const result = await processRunner.run('/usr/bin/printf', ['%s\\0', name, `-${name}`], { timeoutMs: 20_000 });
          expect(result.code).toBe(0);
          expect(result.stdout).toBe(`${name}\0-${name}\0`);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('hostile passphrases', () => {
  it('are refused by the validator or reach the child only through the secret file, byte for byte', async () => {
    const passphrase = fc.oneof(
      fc.string({ unit: hostileChar, minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 12, maxLength: 64 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('itUx70I47uxDuUVY', '$(touch CANARY_PATH)x', '`id`;rm-rf/', '--help', '-P', '%s%n%x'),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(passphrase, async (raw) => {
        const secret = raw.replaceAll('CANARY_PATH', canary);
        if (!checkPassphrase(secret).ok) return;
        accepted += 1;
        const seen = await withSecretFile(
          secret,
          async (file) => {
            const result = await processRunner.run(process.execPath, ['-e', READ_SECRET, '--', file], {
              timeoutMs: 20_000,
            });
            expect(result.code).toBe(0);
            return JSON.parse(result.stdout) as { argv: string[]; env: Record<string, string>; content: string };
          },
          { base: path.join(sandbox, 'secrets'), fileName: 'MobSvc.passphrase' },
        );
        expect(Buffer.from(seen.content, 'base64').toString('utf8')).toBe(secret);
        expect(seen.argv).toHaveLength(1);
        expect(path.basename(seen.argv[0] ?? '')).toBe('MobSvc.passphrase');
        // Short secrets can occur in any text by chance; long ones must not appear anywhere else.
        if (secret.length >= 12) {
          expect(seen.argv.join('\n')).not.toContain(secret);
          expect(Object.values(seen.env).join('\n')).not.toContain(secret);
        }
      }),
      { numRuns: 50 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(existsSync(canary)).toBe(false);
  });
});
