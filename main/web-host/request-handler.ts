import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatch';
import type { BundleArchives } from '../core/troubleshoot/bundle-store';
import type { Logger } from '../ports/ports';
import { createApiRoutes } from './api-routes';
import type { AccessGate } from './auth';
import { EVENTS_PATH } from './event-socket';
import { FIRST_REPLIES_WAIT_MS, firstRepliesElement, firstScreenReplies } from './first-replies';
import { createLandingPage } from './landing-page';
import type { RequestGuard } from './request-guard';
import { REFUSALS } from './responses';
import type { Replier } from './responses';
import { createStaticFiles } from './static-files';

export interface RequestHandlerDeps {
  dispatch: Dispatch;
  gate: AccessGate;
  guard: RequestGuard;
  reply: Replier;
  staticDir: string;
  logger: Logger;
  /** Prepared diagnostics bundles, for their download. */
  archives?: BundleArchives;
  /** How long the landing waits for the first screen's answers (first-replies.ts); tests shorten it. */
  firstRepliesWaitMs?: number;
  /** Called once a link's landing page has been written in full. */
  afterLanding?: () => void;
}

/**
 * Every plain HTTP request, in order: Host allow-list, the one-time token landing, Origin, session cookie,
 * then the API or the static renderer. Each refusal says what to do next.
 */
export function createRequestHandler(deps: RequestHandlerDeps) {
  const { gate, guard, reply } = deps;
  const api = createApiRoutes(deps);
  const serveStatic = createStaticFiles(deps.staticDir, reply);
  const landingPage = createLandingPage(deps.staticDir);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(req))
      return reply.text(res, 421, 'Misdirected request: this server answers only to 127.0.0.1 and localhost.');
    const target = req.url ?? '';
    if (!target.startsWith('/')) return reply.text(res, 400, 'Bad request.');
    const queryAt = target.indexOf('?');
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = queryAt === -1 ? '' : target.slice(queryAt + 1);
    const isRead = req.method === 'GET' || req.method === 'HEAD';

    // GET only: a HEAD from a link checker or previewer must not spend the token.
    if (req.method === 'GET' && pathname === '/' && query !== '') {
      const token = new URLSearchParams(query).get('token');
      if (token !== null) return landWithToken(req, res, token);
    }
    if (!guard.originAllowed(req, false)) return refuse(res, pathname, 403, REFUSALS.badOrigin);
    if (!gate.hasSessionCookie(req)) return refuse(res, pathname, 401, REFUSALS.noSession);
    if (pathname === EVENTS_PATH)
      return reply.text(res, 426, 'Upgrade Required: connect with a WebSocket.', { Upgrade: 'websocket' });
    if (pathname.startsWith('/api/')) {
      // The cookie reaches every local port's pages; only the wizard's own page holds the key (see auth.ts).
      if (gate.apiSession(req) !== 'ok') return refuse(res, pathname, 401, REFUSALS.noSessionKey);
      return api(req, res, pathname);
    }
    if (!isRead) return reply.text(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return serveStatic(res, pathname);
  }

  /**
   * The printed link: a good token buys the session, answered with the page itself (no second navigation): the
   * cookie, and the key in a `<meta>` of the page (landing-page.ts), which the page moves into its storage before
   * replacing the URL with `/`, so the spent token leaves the address bar and history. A browser
   * that already has the session and opens a spent link again goes on to /, where its stored key still works;
   * it is never handed the key again, or the cookie alone (which other local pages receive) would buy it.
   * The page's head goes out first, so the browser fetches the scripts while the core answers the detection
   * screen's first calls; the answers end the page (first-replies.ts), and the page renders with them instead of
   * sending those calls itself.
   */
  async function landWithToken(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const redeemed = gate.redeem(token);
    if (redeemed.verdict === 'accepted') {
      const { setCookie, key } = redeemed.grant;
      const page = await landingPage(key);
      if (!reply.begin(res, 200, 'text/html; charset=utf-8', { 'Set-Cookie': setCookie })) return;
      res.write(page.beforeReplies);
      const replies = await firstScreenReplies(deps.dispatch, deps.firstRepliesWaitMs ?? FIRST_REPLIES_WAIT_MS);
      res.end(firstRepliesElement(replies) + page.afterReplies);
      deps.afterLanding?.();
      return;
    }
    if (gate.hasSessionCookie(req)) return reply.redirect(res, '/');
    const verdict = redeemed.verdict;
    const paragraphs =
      verdict === 'spent'
        ? [
            'This link was already used. Each link printed by `mobility-setup serve` opens the wizard once, in one browser.',
            REFUSALS.freshLinkHint,
          ]
        : [
            'This link is not valid for this Mobility Setup server (the token does not match).',
            'Copy the whole link printed by `mobility-setup serve`. ' + REFUSALS.restartHint,
          ];
    reply.page(res, 403, verdict === 'spent' ? 'This link was already used' : 'This link is not valid', paragraphs);
  }

  function refuse(
    res: ServerResponse,
    pathname: string,
    status: number,
    error: { code: string; message: string; hint: string },
  ): void {
    if (pathname.startsWith('/api/')) return reply.apiError(res, status, { ...error });
    reply.page(res, status, status === 401 ? 'Not signed in' : 'Request refused', [error.message, error.hint]);
  }

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = { method: (req.method ?? '?').slice(0, 16), path: loggablePath(req.url) };
    res.on('finish', () => deps.logger.info('web host request', { ...started, status: res.statusCode }));
    route(req, res).catch((err: unknown) => {
      deps.logger.error('web host: request failed', { ...started, name: err instanceof Error ? err.name : typeof err });
      reply.text(res, 500, 'Internal error.');
    });
  };
}

/** The path only: the query string (where the token travels) never reaches a log. */
export function loggablePath(url: string | undefined): string {
  const pathOnly = (url ?? '').split('?')[0] ?? '';
  return pathOnly.replace(/\p{Cc}/gu, '?').slice(0, 200);
}
