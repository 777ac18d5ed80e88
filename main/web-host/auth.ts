import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_HEADER, SESSION_PROTOCOL_PREFIX } from '../../common/web-session';

/** 32 random bytes, base64url: 256 bits, far beyond guessing through a loopback port. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Constant-time string comparison; a length mismatch is compared against itself so timing does not say how close a guess was. */
export function secretsEqual(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** What a browser needs after redeeming the link: the cookie to set and the key for the page's storage. */
export interface SessionGrant {
  setCookie: string;
  key: string;
}

/**
 * Access to one browser host. A one-time token printed in the URL buys one session made of two secrets:
 *
 * - the **session key**, handed to the page in the redirect's URL fragment and kept in the origin's
 *   localStorage, sent as the X-Mobility-Session header on every API call and as a WebSocket subprotocol.
 *   It is the credential: origins include the port, so no other local page can read it or have it sent.
 * - the **session cookie** (HttpOnly, SameSite=Strict). Cookies are not isolated by port on 127.0.0.1, so
 *   any page on another local port receives it on its own requests: on its own it grants nothing. It stays
 *   because page loads (navigation, scripts, styles) cannot carry a header, so it is what keeps the wizard's
 *   files to the browser that opened the link, and on API calls it is a second factor: a key read out of
 *   storage by anything but that browser is not enough either. The cookie name carries the port so two hosts
 *   never overwrite each other.
 *
 * Redeeming a newer link (see `freshLink`) replaces the session: one browser drives the wizard at a time.
 */
export class AccessGate {
  readonly cookieName: string;
  private token = newSecret();
  private spent = false;
  private session: { cookie: string; key: string } | null = null;

  constructor(port: number) {
    this.cookieName = `mobility_session_${port}`;
  }

  /** The token for the printed URL. */
  get oneTimeToken(): string {
    return this.token;
  }

  /** A new one-time token; the previous unused one stops working. The current session lasts until the new one is redeemed. */
  freshToken(): string {
    this.token = newSecret();
    this.spent = false;
    return this.token;
  }

  /** Redeems the token once; every later use, even with the right value, is `spent`. */
  redeem(candidate: string): { verdict: 'accepted'; grant: SessionGrant } | { verdict: 'spent' | 'wrong' } {
    const matches = secretsEqual(candidate, this.token);
    if (!matches) return { verdict: 'wrong' };
    if (this.spent) return { verdict: 'spent' };
    this.spent = true;
    this.session = { cookie: newSecret(), key: newSecret() };
    // HttpOnly keeps the cookie from page scripts, SameSite=Strict from other sites' requests (not other ports').
    return {
      verdict: 'accepted',
      grant: {
        setCookie: `${this.cookieName}=${this.session.cookie}; HttpOnly; SameSite=Strict; Path=/`,
        key: this.session.key,
      },
    };
  }

  /** The cookie alone: enough to be served the wizard's static files, never enough for the API. */
  hasSessionCookie(req: IncomingMessage): boolean {
    const value = readCookie(req.headers.cookie, this.cookieName);
    return this.session !== null && value !== null && secretsEqual(value, this.session.cookie);
  }

  /** An API request: the session cookie and the key in the X-Mobility-Session header. */
  apiSession(req: IncomingMessage): SessionCheck {
    if (!this.hasSessionCookie(req)) return 'none';
    const key = singleValue(req.headers[SESSION_HEADER.toLowerCase()]);
    return key !== null && this.keyMatches(key) ? 'ok' : 'cookieOnly';
  }

  /** A WebSocket upgrade: the session cookie and the key offered as a `mobility-session.<key>` subprotocol. */
  socketSession(req: IncomingMessage): SessionCheck {
    if (!this.hasSessionCookie(req)) return 'none';
    const offered = offeredProtocols(req);
    const entry = offered.find((p) => p.startsWith(SESSION_PROTOCOL_PREFIX));
    return entry !== undefined && this.keyMatches(entry.slice(SESSION_PROTOCOL_PREFIX.length)) ? 'ok' : 'cookieOnly';
  }

  private keyMatches(candidate: string): boolean {
    return this.session !== null && candidate.length <= 256 && secretsEqual(candidate, this.session.key);
  }
}

/** `none`: no valid cookie; `cookieOnly`: the cookie without the page's key (what a replayed cookie looks like); `ok`. */
export type SessionCheck = 'none' | 'cookieOnly' | 'ok';

/** The subprotocols a WebSocket handshake offers (Sec-WebSocket-Protocol, comma-separated, possibly repeated). */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string' || header.length > 1024) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function singleValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value.trim() : null;
}

/** The value of one cookie from a Cookie header; tolerant of junk, never throws. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (typeof header !== 'string' || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
