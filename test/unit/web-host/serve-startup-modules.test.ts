/**
 * `serve` composes only what the first screen needs before it prints its link: the connectivity check and
 * troubleshooting (and with them Node's tls and dns) load on their first call, ws once listening, tar when an
 * installer is extracted. Checked on the BUILT bundle, as a user starts it, by recording every module it
 * requires (Node's own and packages) until the link is written.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT, NOT_BUILT_REASON } from '../cli/cli-world';
import { BIN, REPO } from '../../world/cli-process';

describe.skipIf(!BUILT)('the built serve, before its link', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'serve-modules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const recorder = path.join(dir, 'record-modules.js');
  writeFileSync(
    recorder,
    `const Module = require('module');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(request);
  seen.add(m ? m[1] : request.replace(/^node:/, ''));
  return load.call(this, request, ...rest);
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...args) => {
  if (String(chunk).includes('token=')) process.stderr.write('MODULES ' + JSON.stringify([...seen]) + '\\n');
  return write(chunk, ...args);
};
`,
  );

  function modulesBeforeLink(): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const root = path.join(dir, 'root');
      const child = spawn(process.execPath, ['-r', recorder, BIN, '--root', root, 'serve', '--port', '0', '--json'], {
        cwd: REPO,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
        const line = err.split('\n').find((l) => l.startsWith('MODULES '));
        if (line) {
          child.kill('SIGTERM');
          resolve(JSON.parse(line.slice('MODULES '.length)) as string[]);
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`serve exited ${String(code)} before its link: ${err}`)));
    });
  }

  it('has loaded neither tls nor dns (connectivity, troubleshooting), ws nor tar', async () => {
    const modules = await modulesBeforeLink();
    // The recorder works: serve needs http and the core's crypto before it can print a link.
    expect(modules).toEqual(expect.arrayContaining(['http', 'crypto']));
    for (const later of ['tls', 'dns/promises', 'ws', 'tar']) expect(modules).not.toContain(later);
  });
});
if (!BUILT) it.skip(NOT_BUILT_REASON, () => {});
