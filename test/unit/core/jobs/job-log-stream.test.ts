/**
 * A vendor tool's output through the real path, a pipe read at a time: a real child process, the process
 * runner's line blocks, the job log. The output is written so that a secret and a "\r\n" line end are split
 * across two pipe reads, with thousands of lines in one write: every line arrives whole, the secret is redacted
 * in memory, file and events, and the line numbers (and the file's index) are those of the lines as printed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogChunk } from '../../../../common/install';
import { EventBus } from '../../../../main/api/event-bus';
import { JobManager } from '../../../../main/core/jobs/job-manager';
import { REDACTED } from '../../../../main/core/jobs/job-log';
import { outcome } from '../../../../main/core/jobs/job-stop';
import { processRunner } from '../../../../main/platform/process-runner';
import { silentLogger, systemClock } from '../../../../main/ports/ports';

const SECRET = 'Zq7secretPASS9';
const LINES = 30_000;
// The secret's first half and the '\r' of its line, then (after the pipe was read) the rest, then many lines.
const TOOL = [
  `const [secret, count] = [process.argv[1], Number(process.argv[2])];`,
  `process.stdout.write('first line\\nthe passphrase is ' + secret.slice(0, 5));`,
  `setTimeout(() => {`,
  `  process.stdout.write(secret.slice(5) + ' (echoed)\\r');`,
  `  setTimeout(() => {`,
  `    const lines = [];`,
  `    for (let i = 0; i < count; i++) lines.push('line ' + i + (i % 7 === 0 ? ' ' + secret : ''));`,
  `    process.stdout.write('\\n' + lines.join('\\n') + '\\nno newline at the end');`,
  `  }, 50);`,
  `}, 50);`,
].join('\n');

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function runTool(byBlock: boolean) {
  const logDir = await mkdtemp(path.join(os.tmpdir(), 'ms-job-log-stream-'));
  dirs.push(logDir);
  const events = new EventBus();
  const chunks: LogChunk[] = [];
  events.subscribe((name, payload) => {
    if (name === 'jobLog') chunks.push(payload);
  });
  const jobs = new JobManager({ clock: systemClock, events, logger: silentLogger, logDir });
  const job = jobs.create('install', ['install'], [SECRET]);
  let calls = 0;
  const running = processRunner.spawn(process.execPath, ['-e', TOOL, SECRET, String(LINES)], {
    ...(byBlock
      ? { onLines: (block: string) => (calls++, job.logLines(block)) }
      : { onLine: (line: string) => (calls++, job.log(line)) }),
  });
  const result = await running.done;
  expect(result.code).toBe(0);
  await job.finish('succeeded', outcome('success', { code: 'install.succeeded', message: 'ok', exitCode: 0 }));
  const file = await readFile(job.logFile, 'utf8');
  return { jobs, job, chunks, file, calls };
}

describe('a vendor tool output through the job log', () => {
  it('keeps every line whole and in order, and redacts a secret split across two pipe reads', async () => {
    const { jobs, job, chunks, file, calls } = await runTool(true);
    const expected = [
      'first line',
      `the passphrase is ${REDACTED} (echoed)`,
      ...Array.from({ length: LINES }, (_, i) => `line ${i}${i % 7 === 0 ? ` ${REDACTED}` : ''}`),
      'no newline at the end',
    ];
    // Far fewer calls than lines: the output came a pipe read at a time.
    expect(calls).toBeLessThan(LINES / 10);
    const all: string[] = [];
    for (let from = 0; from < expected.length;) {
      const chunk = jobs.readLog(job.id, from);
      expect(chunk.from).toBe(from);
      all.push(...chunk.lines);
      from += chunk.lines.length;
      if (chunk.lines.length === 0) break;
    }
    expect(all).toEqual(expected);
    expect(file).toBe(`${expected.join('\n')}\n`);
    // Line numbers read back from the file's index, where lines left memory.
    expect(jobs.readLog(job.id, 12_345, 2).lines).toEqual(['line 12343', 'line 12344']);
    expect(chunks.flatMap((c) => c.lines)).toEqual(expected);
    for (const chunk of chunks) expect(chunk.from).toBe(expected.indexOf(chunk.lines[0]!));
    expect(JSON.stringify({ all, file, chunks })).not.toContain(SECRET.slice(3));
  });

  it('gives the same lines one by one to a caller that asks for lines', async () => {
    const byLine = await runTool(false);
    const byBlock = await runTool(true);
    expect(byLine.file).toBe(byBlock.file);
    expect(byLine.calls).toBe(LINES + 3);
  });
});
