import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

export type TokenVerdict = 'accepted' | 'spent' | 'wrong';

/**
 * Access to one browser host: a one-time token printed in the URL buys one session cookie. Cookies are not
 * isolated by port on 127.0.0.1, so the cookie name carries the port and two hosts never overwrite each other.
 */
export class AccessGate {
  readonly cookieName: string;
  private readonly token = newSecret();
  private readonly session = newSecret();
  private spent = false;

  constructor(port: number) {
    this.cookieName = `mobility_session_${port}`;
  }

  /** The token for the printed URL. */
  get oneTimeToken(): string {
    return this.token;
  }

  /** Redeems the token once; every later use, even with the right value, is `spent`. */
  redeem(candidate: string): TokenVerdict {
    const matches = secretsEqual(candidate, this.token);
    if (!matches) return 'wrong';
    if (this.spent) return 'spent';
    this.spent = true;
    return 'accepted';
  }

  /** Set-Cookie value for the session; HttpOnly keeps it from page scripts, SameSite=Strict from other sites. */
  sessionCookie(): string {
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  hasSession(req: IncomingMessage): boolean {
    const value = readCookie(req.headers.cookie, this.cookieName);
    return value !== null && secretsEqual(value, this.session);
  }
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
