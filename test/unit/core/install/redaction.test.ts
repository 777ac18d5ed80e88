import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../../../main/core/jobs/job-log';
import { readAllowedLog } from '../../../../main/core/install/log-files';
import { secretsOf } from '../../../../main/core/install/register-step';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'redaction-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONFIG = {
  ApplianceId: 'app-7f3c',
  Keys: ['k1A9', 'zz'],
  Nested: { list: [{ blob: 'QUJDRA==' }], short: 'ab' },
  PIN: '1234',
  Quoted: 'pa"ss\\word',
  Port: 9443,
};

describe('secretsOf (config.json)', () => {
  const secrets = secretsOf({ mode: 'modernized', configJson: JSON.stringify(CONFIG) });

  it('takes every string of 4+ characters at any depth, inside arrays too, whatever its key', () => {
    for (const value of ['app-7f3c', 'k1A9', 'QUJDRA==', '1234', 'pa"ss\\word']) expect(secrets).toContain(value);
    // Short strings would mangle every log line they appear in.
    expect(secrets).not.toContain('zz');
    expect(secrets).not.toContain('ab');
  });

  it('also takes the escaped form, so a tool echoing the file text is redacted too', () => {
    const fileText = JSON.stringify(CONFIG);
    const redacted = redactSecrets(fileText, secrets);
    for (const value of ['app-7f3c', 'k1A9', 'QUJDRA==', '1234', 'pa\\"ss\\\\word'])
      expect(redacted).not.toContain(value);
    expect(redacted).toContain(REDACTED);
  });

  it('passes the classic passphrase through and has nothing for no registration', () => {
    expect(secretsOf({ mode: 'classic', endpoint: 'cs', passphrase: 'pw' })).toEqual(['pw']);
    expect(secretsOf({ mode: 'none', serverKind: 'classic' })).toEqual([]);
  });
});

describe('readAllowedLog', () => {
  it("redacts the session's known secrets from the vendor log it returns, leaving the file as it is", async () => {
    const file = path.join(dir, 'ua_install.log');
    const original = 'start\nusing passphrase itUx70I47uxDuUVY\nApplianceId app-7f3c\nend\n';
    await writeFile(file, original);
    const read = await readAllowedLog(new Set([file]), file, undefined, ['itUx70I47uxDuUVY', 'app-7f3c']);
    expect(read.text).toBe(`start\nusing passphrase ${REDACTED}\nApplianceId ${REDACTED}\nend\n`);
    expect(await readFile(file, 'utf8')).toBe(original);
    // A tail read is redacted as well.
    const tail = await readAllowedLog(new Set([file]), file, 30, ['app-7f3c']);
    expect(tail.truncated).toBe(true);
    expect(tail.text).not.toContain('app-7f3c');
  });
});
