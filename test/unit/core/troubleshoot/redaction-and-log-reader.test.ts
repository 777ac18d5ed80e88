import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, redactText } from '../../../../main/core/troubleshoot/redaction';
import { errorLines, readLineRange, searchLog, tailLines } from '../../../../main/core/troubleshoot/log-reader';

describe('redactText', () => {
  it.each([
    ['Passphrase=itUx70I47uxDuUVY', `Passphrase=${REDACTED}`],
    ['password: "hunter two"', `password: ${REDACTED}`],
    ['Authorization: Bearer abc.def.ghi', `Authorization: ${REDACTED}`],
    ['sent itUx70I47uxDuUVY to the server', `sent ${REDACTED} to the server`],
    ['api_key=0123456789abcdef0123456789abcdef01234567', `api_key=${REDACTED}`],
  ])('redacts %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it.each([
    'Installer token: UBUNTU-22.04-64',
    'Version=9.65.0.0 INSTALLATION_DIR=/usr/local/ASR',
    'fingerprint AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
    'HostId=4f2d8c1e-7b3a-4e5f-9a61-2c8d0b7e5f13',
    "curl error (7) Couldn't connect to server",
  ])('keeps %s readable', (line) => {
    expect(redactText(line)).toBe(line);
  });

  it('redacts exact known secrets even when they look ordinary', () => {
    expect(redactText('the word is swordfish', ['swordfish'])).not.toContain('swordfish');
  });
});

describe('log reader on a 200,000-line log', () => {
  let dir: string;
  let file: string;
  const LINES = 200_000;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'log-reader-'));
    file = path.join(dir, 'ua_install.log');
    const lines = Array.from({ length: LINES }, (_, i) => `line ${i} ok`);
    lines[1234] = "ERROR: curl error (7) Couldn't connect to server";
    lines[150_000] = 'Installation failed with exit code 62.';
    await writeFile(file, `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens at the end: the last lines only', async () => {
    const { lines } = await tailLines(file, 3);
    expect(lines).toEqual([`line ${LINES - 3} ok`, `line ${LINES - 2} ok`, `line ${LINES - 1} ok`]);
  });

  it('jumps to errors with their explanations and line numbers', async () => {
    const { hits, lines } = await errorLines(file);
    expect(lines).toBe(LINES);
    expect(hits.map((h) => [h.line, h.explanation?.id])).toEqual([
      [1234, 'curl7'],
      [150_000, 'rebootPending'],
    ]);
  });

  it('searches case-insensitively, capped, and reads a window around a hit', async () => {
    const found = await searchLog(file, 'LINE 19999', 5);
    expect(found.hits.map((h) => h.line)).toEqual([19999, 199990, 199991, 199992, 199993]);
    expect(found.more).toBe(true);
    expect(await readLineRange(file, 1233, 3)).toEqual([
      'line 1233 ok',
      "ERROR: curl error (7) Couldn't connect to server",
      'line 1235 ok',
    ]);
  });
});
