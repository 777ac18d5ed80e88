/**
 * A job's process for the journal tests (bundled by the test with esbuild). argv: <journalDir> <workDir> <id>
 * <mode>. It records a job, creates the leftovers a real install creates (an extracted installer folder, a
 * request folder, a secret file), moves to the install step, prints one JSON line, then: 'hang' waits to be
 * killed; 'finish' marks the end and exits.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger } from '../../../../main/ports/ports';
import { createJobJournal } from '../../../../main/core/jobs/job-journal';

async function main(): Promise<void> {
  const [dir = '', work = '', id = '', mode = 'hang'] = process.argv.slice(2);
  const journal = createJobJournal({ dir, allowedRoots: [work], logger: silentLogger });
  const job = await journal.begin({ id, kind: 'install', frontDoor: 'cli' });
  const extracted = path.join(work, `mobility-setup-extract-${id}`);
  const request = path.join(work, `mobility-setup-request-${id}`);
  const secret = path.join(work, `mobility-setup-secrets-${id}`, 'passphrase');
  for (const leftover of [extracted, request, path.dirname(secret)]) await job.leftover(leftover);
  await mkdir(path.join(extracted, 'bin'), { recursive: true });
  await writeFile(path.join(extracted, 'bin/install'), '#!/bin/sh\n');
  // The archive held a link to a folder outside: removing the extraction must not follow it.
  await symlink(path.join(work, 'outside'), path.join(extracted, 'link-out'));
  await mkdir(request, { recursive: true, mode: 0o700 });
  await writeFile(path.join(request, 'request.json'), '{}');
  await mkdir(path.dirname(secret), { recursive: true, mode: 0o700 });
  await writeFile(secret, 'itUx70I47uxDuUVY', { mode: 0o600 });
  await job.step('install');
  process.stdout.write(`${JSON.stringify({ pid: process.pid, id })}\n`);
  if (mode === 'finish') {
    await job.end('succeeded');
    return;
  }
  setInterval(() => undefined, 1_000);
}

void main();
