import type { IncomingMessage, ServerResponse } from 'node:http';
import { BUNDLE_DOWNLOAD_METHOD } from '../../common/web-session';
import type { Dispatch } from '../api/dispatch';
import type { BundleArchives } from '../core/troubleshoot/bundle-store';
import type { Logger } from '../ports/ports';
import { fetchSiteAllowed, isJsonContentType } from './request-guard';
import type { RequestGuard } from './request-guard';
import { sendBundle } from './bundle-download';
import { REFUSALS } from './responses';
import type { Replier } from './responses';

/** Largest request body: the biggest contract field (a modernized config.json) is 1 MB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const METHOD_NAME = /^[A-Za-z]{1,64}$/;

class BodyTooLarge extends Error {}

/**
 * POST /api/<method>: a JSON body in, a JSON Result out. A failed Result is still 200 (the call worked and
 * the answer is "no"); 4xx means the request itself was refused (session, origin, type, size, JSON).
 */
export function createApiRoutes(deps: {
  dispatch: Dispatch;
  guard: RequestGuard;
  reply: Replier;
  logger: Logger;
  archives?: BundleArchives;
}) {
  const { dispatch, guard, reply, logger } = deps;
  return async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const name = pathname.slice('/api/'.length);
    if (!METHOD_NAME.test(name)) {
      return reply.apiError(res, 404, { code: 'web.notFound', message: 'There is no such API path.' });
    }
    if (req.method !== 'POST') {
      return reply.apiError(
        res,
        405,
        { code: 'web.methodNotAllowed', message: 'API calls use POST.' },
        { Allow: 'POST' },
      );
    }
    if (!guard.originAllowed(req, true) || !fetchSiteAllowed(req)) return reply.apiError(res, 403, REFUSALS.badOrigin);
    if (!isJsonContentType(req)) {
      return reply.apiError(res, 415, {
        code: 'web.unsupportedMediaType',
        message: 'API calls send Content-Type: application/json.',
      });
    }
    let input: unknown;
    try {
      const text = await readBody(req, MAX_BODY_BYTES);
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        return reply.apiError(
          res,
          413,
          { code: 'web.tooLarge', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` },
          { Connection: 'close' },
        );
      }
      return reply.apiError(res, 400, { code: 'web.badJson', message: 'The request body is not valid JSON.' });
    }
    // The one reply that is not a JSON Result: the bundle's archive, after every check above.
    if (name === BUNDLE_DOWNLOAD_METHOD && deps.archives)
      return sendBundle({ archives: deps.archives, reply, logger }, res, input);
    try {
      reply.json(res, 200, await dispatch(name, input));
    } catch (err) {
      // dispatch returns errors as values; this is only a safety net, so the reply never carries a message.
      logger.error('web host: dispatch threw', { method: name, name: err instanceof Error ? err.name : typeof err });
      reply.apiError(res, 500, {
        code: 'internal',
        message: `Mobility Setup hit an unexpected error while running ${name}.`,
      });
    }
  };
}

/** How much of an oversize body is read and thrown away so the 413 reaches the client before the socket closes. */
const MAX_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Reads a UTF-8 body up to a limit. A declared oversize body is refused at once; an oversize chunked body is
 * drained (up to a bound, then the socket is cut) so the client reads the 413 instead of a connection reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + MAX_DRAIN_BYTES) req.socket.destroy();
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => reject(new Error('closed')));
  });
}
