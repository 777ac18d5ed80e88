import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogChunk } from '../../../../common/install';
import { JobLog, REDACTED, redactSecrets } from '../../../../main/core/jobs/job-log';

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

/** Lets the file stream's write callbacks run (lines leave memory only once they are on disk). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('JobLog memory cap', () => {
  it('keeps at most the window in memory once lines are on disk, and counts every line', async () => {
    const { log } = makeLog(100);
    for (let i = 0; i < 100; i += 1) log.append(`line ${i}`);
    log.flush();
    await settle();
    log.append('line 100');
    expect(log.count).toBe(101);
    // Half the window went in one go: lines 50… are in memory, 0–49 come back from the file.
    expect(log.linesInMemory).toBe(51);
    const all = log.read(0);
    expect(all.from).toBe(0);
    expect(all.lines).toHaveLength(101);
    expect(all.lines.every((line, i) => line === `line ${i}`)).toBe(true);
    await log.close();
    expect((await readFile(path.join(dir, 'job.log'), 'utf8')).split('\n')).toHaveLength(102);
  });

  it('never drops lines the file does not have yet', () => {
    const { log } = makeLog(10);
    for (let i = 0; i < 50; i += 1) log.append(`line ${i}`);
    // Nothing was flushed: every line is still in memory, so every read still has it.
    expect(log.read(0).lines).toHaveLength(50);
    void log.close();
  });

  it('serves old lines from the file with the right indices after many drops', async () => {
    const { log, chunks } = makeLog(20);
    for (let i = 0; i < 5_000; i += 1) {
      log.append(`line ${i} ${'é€'.repeat(i % 3)}`);
      if (i % 500 === 499) {
        log.flush();
        await settle();
      }
    }
    log.flush();
    await settle();
    expect(log.linesInMemory).toBeLessThanOrEqual(520);
    const early = log.read(5, 3);
    expect(early).toEqual({ jobId: 'job-1', from: 5, lines: ['line 5 é€é€', 'line 6 ', 'line 7 é€'] });
    // Across an index boundary (every 1,000th line) and into the in-memory window.
    const boundary = log.read(998, 4);
    expect(boundary.lines.map((l) => l.split(' ')[1])).toEqual(['998', '999', '1000', '1001']);
    const tail = log.read(4_990);
    expect(tail.from).toBe(4_990);
    expect(tail.lines.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: 10 }, (_, i) => 4_990 + i));
    expect(log.read(5_000).lines).toEqual([]);
    // Published chunks carry absolute indices too.
    for (const chunk of chunks)
      chunk.lines.forEach((line, i) => expect(line.split(' ')[1]).toBe(String(chunk.from + i)));
    expect(chunks.reduce((n, c) => n + c.lines.length, 0)).toBe(5_000);
    await log.close();
  });

  it('keeps blocks of lines within the window, cutting a block where the window ends', async () => {
    const { log, chunks } = makeLog(10);
    const line = (i: number) => `line ${i}`;
    for (let i = 0; i < 700; i += 7) {
      log.appendLines(Array.from({ length: 7 }, (_, k) => line(i + k)).join('\n'));
      log.flush();
      expect(log.linesInMemory).toBeLessThanOrEqual(10 + 7);
    }
    log.flush();
    await settle();
    expect(log.count).toBe(700);
    const all = Array.from({ length: 700 }, (_, i) => line(i));
    expect(log.read(0, 1_000).lines).toEqual(all);
    for (const from of [0, 5, 6, 7, 333, 690, 695, 699])
      expect(log.read(from, 3).lines).toEqual(all.slice(from, from + 3));
    expect(chunks.flatMap((c) => c.lines)).toEqual(all);
    await log.close();
    expect(await readFile(path.join(dir, 'job.log'), 'utf8')).toBe(`${all.join('\n')}\n`);
  });

  it('starts at the first line still in memory when the file is gone', async () => {
    const { log } = makeLog(20);
    for (let i = 0; i < 100; i += 1) {
      log.append(`line ${i}`);
      if (i % 10 === 9) {
        log.flush();
        await settle();
      }
    }
    await rm(path.join(dir, 'job.log'));
    const early = log.read(5);
    expect(early.from).toBeGreaterThan(5);
    expect(early.lines[0]).toBe(`line ${early.from}`);
    expect(early.lines.at(-1)).toBe('line 99');
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
