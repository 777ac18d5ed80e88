import type { IncomingMessage } from 'node:http';

/**
 * Host and Origin allow-lists. The Host check defeats DNS rebinding (a hostile name resolving to 127.0.0.1
 * still carries its own name in Host); the Origin check stops other sites' pages from driving the API.
 */
export interface RequestGuard {
  hostAllowed(req: IncomingMessage): boolean;
  /** `required` for state-changing requests; otherwise an absent Origin passes and a present one must match. */
  originAllowed(req: IncomingMessage, required: boolean): boolean;
  readonly origins: readonly string[];
}

export function createRequestGuard(port: number): RequestGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const originSet = new Set(origins);
  return {
    origins,
    hostAllowed(req) {
      const host = singleHeader(req, 'host');
      return host !== null && hosts.has(host.toLowerCase());
    },
    originAllowed(req, required) {
      const origin = singleHeader(req, 'origin');
      if (origin === null) return !required && req.headers.origin === undefined;
      // "null" (sandboxed frames, file://) and anything foreign are refused.
      return originSet.has(origin.toLowerCase());
    },
  };
}

/** A header's value when it appears exactly once with sane length; duplicates and arrays are refused. */
function singleHeader(req: IncomingMessage, name: string): string | null {
  let count = 0;
  let value: string | null = null;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === name) {
      count += 1;
      value = raw[i + 1] ?? null;
    }
  }
  if (count !== 1 || value === null || value.length > 256) return null;
  return value.trim();
}

/** Browser fetch metadata: a request another site started is refused even before the Origin check. */
export function fetchSiteAllowed(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** JSON is the only body type: a cross-site HTML form cannot send it without a CORS preflight. */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
