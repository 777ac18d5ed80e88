import type { ServerResponse } from 'node:http';
import type { AppError } from '../../common/result';

/**
 * Headers on every reply. The CSP allows only this host's own scripts and styles, and connections back to
 * this host (the WebSocket origin is listed explicitly as well as 'self'); nothing may frame the wizard.
 */
export function securityHeaders(port: number): Record<string, string> {
  const ws = `ws://127.0.0.1:${port} ws://localhost:${port}`;
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ${ws}`,
      "manifest-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    // Everything here is behind the session cookie and local: nothing should sit in a cache.
    'Cache-Control': 'no-store',
  };
}

export type Replier = ReturnType<typeof createReplier>;

/** Small helpers that always add the security headers and never echo request data into a reply. */
export function createReplier(port: number) {
  const base = securityHeaders(port);
  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { ...base, 'Content-Type': type, 'Content-Length': String(payload.length), ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : payload);
  };
  return {
    headers: base,
    send,
    /**
     * Starts a reply whose body the caller writes in parts (no Content-Length: chunked), with the same headers.
     * False when a reply has already begun (the socket is then destroyed, as send does).
     */
    begin(res: ServerResponse, status: number, type: string, extra: Record<string, string> = {}): boolean {
      if (res.headersSent) {
        res.destroy();
        return false;
      }
      res.writeHead(status, { ...base, 'Content-Type': type, ...extra });
      return true;
    },
    json(res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>): void {
      send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);
    },
    apiError(res: ServerResponse, status: number, error: AppError, extra?: Record<string, string>): void {
      send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error }), extra);
    },
    text(res: ServerResponse, status: number, message: string, extra?: Record<string, string>): void {
      send(res, status, 'text/plain; charset=utf-8', `${message}\n`, extra);
    },
    page(
      res: ServerResponse,
      status: number,
      title: string,
      paragraphs: string[],
      extra?: Record<string, string>,
    ): void {
      send(res, status, 'text/html; charset=utf-8', htmlPage(title, paragraphs), extra);
    },
    redirect(res: ServerResponse, location: string, extra: Record<string, string> = {}): void {
      send(res, 303, 'text/plain; charset=utf-8', 'See Other\n', { Location: location, ...extra });
    },
  };
}

/** A plain page without scripts or styles (the CSP would block inline ones anyway). Text is ours only. */
function htmlPage(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Mobility Setup: ${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The pages and errors people see when they are refused, with what to do next. */
export const REFUSALS = {
  restartHint: 'Restart `mobility-setup serve` on the server and open the new link it prints.',
  /** Without stopping the server (a running install goes on): SIGUSR2 makes `serve` print a new link. */
  freshLinkHint: `For a new link without stopping a running install, run \`kill -USR2 ${process.pid}\` on the server: \`mobility-setup serve\` prints one.`,
  noSession: {
    code: 'web.unauthorized',
    message: 'This browser has no session with Mobility Setup.',
    hint: 'Open the link printed by `mobility-setup serve` (it contains a one-time token).',
  },
  noSessionKey: {
    code: 'web.sessionKeyMissing',
    message: "This request carries the session cookie but not the wizard page's session key, so it was refused.",
    hint: `Use the wizard page opened from the link printed by \`mobility-setup serve\` in this browser. If that page shows this, run \`kill -USR2 ${process.pid}\` on the server and open the new link it prints.`,
  },
  badOrigin: {
    code: 'web.forbiddenOrigin',
    message: 'The request did not come from the Mobility Setup page.',
    hint: 'Use the wizard page served by `mobility-setup serve`; other sites cannot call it.',
  },
} as const;
