import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogChunk } from '../../../../common/install';
import { JobLog, REDACTED, redactSecrets } from '../../../../main/core/install/job-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'job-log-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function makeLog(cap: number, secrets: string[] = []) {
  const chunks: LogChunk[] = [];
  const log = new JobLog('job-1', path.join(dir, 'job.log'), secrets, (c) => chunks.push(c), cap);
  log.open();
  return { log, chunks };
}

describe('JobLog memory cap', () => {
  it('drops a tenth of the window at once when the cap is reached, and counts every line', async () => {
    const { log } = makeLog(100);
    for (let i = 0; i < 101; i += 1) log.append(`line ${i}`);
    expect(log.count).toBe(101);
    // 10 old lines went in one go: 91 kept, starting at line 10.
    const all = log.read(0);
    expect(all.from).toBe(10);
    expect(all.lines).toHaveLength(91);
    expect(all.lines[0]).toBe('line 10');
    expect(all.lines.at(-1)).toBe('line 100');
    await log.close();
    // The file still has everything.
    expect((await readFile(path.join(dir, 'job.log'), 'utf8')).split('\n')).toHaveLength(102);
  });

  it('keeps readJobLog indices right after many drops: a read before the window starts at its first line', async () => {
    const { log, chunks } = makeLog(20);
    for (let i = 0; i < 1_000; i += 1) log.append(`line ${i}`);
    log.flush();
    const early = log.read(5);
    expect(early.from).toBeGreaterThan(5);
    expect(early.lines[0]).toBe(`line ${early.from}`);
    expect(early.lines.at(-1)).toBe('line 999');
    expect(early.lines.length).toBeLessThanOrEqual(20);
    const late = log.read(995, 3);
    expect(late).toEqual({ jobId: 'job-1', from: 995, lines: ['line 995', 'line 996', 'line 997'] });
    expect(log.read(1_000).lines).toEqual([]);
    // Published chunks carry absolute indices too.
    for (const chunk of chunks) chunk.lines.forEach((line, i) => expect(line).toBe(`line ${chunk.from + i}`));
    expect(chunks.reduce((n, c) => n + c.lines.length, 0)).toBe(1_000);
    await log.close();
  });
});

describe('redaction', () => {
  it('replaces a longer secret whole even when a shorter one is part of it', () => {
    expect(redactSecrets('key=abcdEFGH end', ['abcd', 'abcdEFGH'])).toBe(`key=${REDACTED} end`);
    const { log } = makeLog(10, ['abcd', 'abcdEFGH']);
    log.append('got abcdEFGH and abcd');
    expect(log.read(0).lines).toEqual([`got ${REDACTED} and ${REDACTED}`]);
    expect(log.secretValues).toEqual(['abcdEFGH', 'abcd']);
  });
});
