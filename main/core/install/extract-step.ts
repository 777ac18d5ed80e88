import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../common/result';
import type { JobHandle } from './job-manager';
import { JobStop, failed, failedFromUserError, outcome } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { extractSafely } from './safe-extract';

const NOTHING_INSTALLED = 'Nothing was installed; the temporary folder with the extracted installer was removed.';

/**
 * Unpacks the installer into a fresh 0700 temporary folder and returns it; the pipeline removes it at the
 * end whatever happens. Linux: the tar.gz in-process with every entry checked (safe-extract). Windows:
 * the vendor's self-extractor (`/q /x:<dir>`), which needs no elevation.
 */
export async function extractInstaller(env: PipelineEnv, job: JobHandle, installerFile: string): Promise<string> {
  await mkdir(env.workBase, { recursive: true });
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
  const dir = await mkdtemp(path.join(env.workBase, 'mobility-setup-extract-'));
  await chmod(dir, 0o700);
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
