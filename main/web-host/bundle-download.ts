/**
 * The diagnostics bundle as a download: the browser host streams the prepared bundle's tar.gz straight into the
 * reply (nothing is written on the server), and the browser saves it where the person chooses. It is reached only
 * through the API route, after the same Host, Origin, fetch-site, session cookie, session key and JSON checks as
 * every API call: another local page that receives the cookie still cannot fetch a bundle.
 */
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../../common/result';
import type { BundleArchives } from '../core/troubleshoot/bundle-store';
import type { Logger } from '../ports/ports';
import type { Replier } from './responses';

/** The file name the browser offers; the date says which run it is, nothing else about the machine. */
export function bundleFileName(now: Date): string {
  return `mobility-diagnostics-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.tar.gz`;
}

export async function sendBundle(
  deps: { archives: BundleArchives; reply: Replier; logger: Logger },
  res: ServerResponse,
  input: unknown,
): Promise<void> {
  const { archives, reply, logger } = deps;
  // The request schemas (zod) load with the first download, not when `serve` starts (common/api.ts builds them all).
  const { bundleDownloadRequest } = await import('../../common/api');
  const parsed = bundleDownloadRequest.safeParse(input);
  if (!parsed.success)
    return reply.apiError(res, 400, { code: 'validation', message: 'The download names no prepared bundle.' });
  let archive;
  try {
    archive = await archives.archive(parsed.data.bundleId);
  } catch (err) {
    if (err instanceof UserError) return reply.apiError(res, 404, err.toAppError());
    throw err;
  }
  res.writeHead(200, {
    ...reply.headers,
    'Content-Type': 'application/gzip',
    'Content-Disposition': `attachment; filename="${bundleFileName(new Date())}"`,
  });
  try {
    await pipeline(archive.stream, res);
    await archive.sent();
  } catch (err) {
    // The browser went away or reading a staged file failed: the bundle stays prepared, to download again.
    logger.warn('web host: bundle download broke off', { name: err instanceof Error ? err.name : typeof err });
    res.destroy();
  }
}
