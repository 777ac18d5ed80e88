import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { InstallerChoice } from '../../../common/install';
import { UserError } from '../../../common/result';
import { copyInstallerPrivately } from './installer-finder';
import type { JobHandle } from './job-manager';
import { JobStop, failed, failedFromUserError, outcome } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { extractSafely } from './safe-extract';

const NOTHING_INSTALLED = 'Nothing was installed; the temporary folder with the extracted installer was removed.';

async function privateFolder(env: PipelineEnv, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(env.workBase, prefix));
  await chmod(dir, 0o700);
  return dir;
}

/**
 * Copies the checked installer into a fresh 0700 folder, verifies the copy has the SHA-256 the check step
 * showed (and compared with the checksum file), and unpacks the copy (never the original, which someone
 * with write access to its folder could have swapped since). Returns the extraction folder; the pipeline
 * removes it at the end whatever happens, the copy is removed here.
 */
export async function extractInstaller(env: PipelineEnv, job: JobHandle, choice: InstallerChoice): Promise<string> {
  await mkdir(env.workBase, { recursive: true });
  const copyDir = await privateFolder(env, 'mobility-setup-installer-');
  try {
    let copy: Awaited<ReturnType<typeof copyInstallerPrivately>>;
    try {
      copy = await copyInstallerPrivately(choice.chosen.path, copyDir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
      throw failed({ code: 'installer.unreadable', message: `The installer ${choice.chosen.fileName} could not be read (${code}).`, hint: 'Check the installer folder, search it again and retry.', machineState: NOTHING_INSTALLED });
    }
    if (copy.sha256 !== choice.sha256) {
      throw failed({
        code: 'installer.changed',
        message: `The installer ${choice.chosen.fileName} changed after it was checked (SHA-256 was ${choice.sha256}, now ${copy.sha256}). It was not used.`,
        hint: 'Make sure nobody else can write to the installer folder, search it again and retry.',
        machineState: NOTHING_INSTALLED,
      });
    }
    job.log(`Working on a private copy of the installer (SHA-256 ${copy.sha256}, as checked).`);
    return await unpack(env, job, copy.path);
  } finally {
    await rm(copyDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function unpack(env: PipelineEnv, job: JobHandle, installerFile: string): Promise<string> {
  const extract = env.commands.extract({ operation: 'extract', installerFile, extractedDir: '' });
  if (extract === null) {
    try {
      const result = await extractSafely(installerFile, env.workBase);
      job.log(`Extracted ${result.files} files (${result.bytes} bytes) to ${result.dir}.`);
      return result.dir;
    } catch (err) {
      if (err instanceof UserError) throw failedFromUserError(err, NOTHING_INSTALLED);
      throw err;
    }
  }
  const dir = await privateFolder(env, 'mobility-setup-extract-');
  const command = env.commands.extract({ operation: 'extract', installerFile, extractedDir: dir });
  if (!command) throw failed({ code: 'internal', message: 'No extract command for this platform.' });
  const running = env.deps.runner.spawn(command.file, command.args, { onLine: (line) => job.log(line), inactivityTimeoutMs: env.inactivityTimeoutMs });
  job.onCancel(() => running.cancel());
  const result = await running.done.finally(() => job.onCancel(null));
  if (result.code !== 0) {
    await rm(dir, { recursive: true, force: true });
    if (result.cancelled) throw new JobStop('cancelled', outcome('warning', { code: 'job.cancelled', message: 'The job was cancelled.', machineState: NOTHING_INSTALLED }));
    throw failed({ code: 'extract.failed', message: `The installer could not extract itself (exit code ${String(result.code)}).`, hint: 'Download the installer again and retry.', machineState: NOTHING_INSTALLED });
  }
  return dir;
}
