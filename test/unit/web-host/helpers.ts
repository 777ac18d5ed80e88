import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore } from '../../../main/core/app-core';
import type { Core } from '../../../main/core/app-core';
import type { Logger } from '../../../main/ports/ports';
import { startWebHost } from '../../../main/web-host/server';
import type { WebHost } from '../../../main/web-host/server';

export interface TestHost {
  host: WebHost;
  core: Core;
  token: string;
  /** Every logged line, message and fields, as the logger saw them. */
  logLines: string[];
  /** A file next to (outside) the static folder that traversal must never reach. */
  secretText: string;
  /** Host header value that the server accepts. */
  hostHeader: string;
  staticDir: string;
  /** The page's session key from the last login (the `<meta>` of the page the landing answers); '' before. */
  sessionKey: string;
  cleanup(): Promise<void>;
}

/** A real browser host on 127.0.0.1 over a real core and a real static folder under a temp dir. */
/** firstRepliesWaitMs: how long the landing waits for the first answers (the host's own default when not given). */
export async function startTestHost(options: { firstRepliesWaitMs?: number } = {}): Promise<TestHost> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'web-host-'));
  const root = path.join(dir, 'root');
  const staticDir = path.join(dir, 'renderer');
  await mkdir(root);
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Mobility Setup</title><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("wizard");');
  await writeFile(path.join(staticDir, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(staticDir, '.env'), 'HIDDEN=1');
  const secretText = 'TOP-SECRET-OUTSIDE-STATIC';
  await writeFile(path.join(dir, 'secret.txt'), secretText);
  const logLines: string[] = [];
  const capture = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const logger: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const core = createCore({
    root,
    logger,
    session: {
      shell: 'browser',
      demo: false,
      defaults: { installerDir: null, csEndpoint: null, dataPort: null },
      appVersion: '0.0.0-test',
    },
  });
  const host = await startWebHost({ core, staticDir, port: 0, logger, ...options });
  const token = new URL(host.url).searchParams.get('token') ?? '';
  return {
    host,
    core,
    token,
    logLines,
    secretText,
    staticDir,
    sessionKey: '',
    hostHeader: `127.0.0.1:${host.port}`,
    async cleanup() {
      await host.close();
      await core.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/** Sends exact bytes on a fresh TCP connection and reads until the server closes it (or a timeout). */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw === '') return reject(new Error('connection closed without a reply'));
      resolve(parseResponse(raw));
    });
    socket.write(bytes);
  });
}

function parseResponse(raw: string): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const whole = headers['transfer-encoding'] === 'chunked' ? unchunk(body) : body;
  return { status: Number(statusLine.split(' ')[1]), headers, body: whole, raw };
}

/** A chunked body's data (the landing writes its page in parts); what cannot be read as chunks is kept as is. */
function unchunk(body: string): string {
  const bytes = Buffer.from(body, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) return body;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return body;
    if (size === 0) return Buffer.concat(parts).toString('utf8');
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export interface RequestSpec {
  method?: string;
  path: string;
  host?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

/** One HTTP/1.1 request with `Connection: close`; host null omits the Host header. */
export function request(t: TestHost, spec: RequestSpec): Promise<RawResponse> {
  const lines = [`${spec.method ?? 'GET'} ${spec.path} HTTP/1.1`];
  const host = spec.host === undefined ? t.hostHeader : spec.host;
  if (host !== null) lines.push(`Host: ${host}`);
  for (const [k, v] of Object.entries(spec.headers ?? {})) lines.push(`${k}: ${v}`);
  if (spec.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(spec.body)}`);
  lines.push('Connection: close', '', spec.body ?? '');
  return rawRequest(t.host.port, lines.join('\r\n'));
}

/** Redeems the token (or `token`), keeps the page's session key in `t.sessionKey` and returns the `name=value` cookie pair to send back. */
export async function login(t: TestHost, token = t.token): Promise<string> {
  const res = await request(t, { path: `/?token=${token}` });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  t.sessionKey = sessionKeyFromLandingPage(res.body);
  return (res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
}

/** The key in the landing page's `<meta name="mobility-session" content="<key>">`; '' when there is none. */
export function sessionKeyFromLandingPage(html: string): string {
  return /<meta name="mobility-session" content="([^"]*)"/.exec(html)?.[1] ?? '';
}

/**
 * Gives every test of the calling suite its own host and logged-in session cookie, handed to `use`
 * before the test, and cleans the host up after it.
 */
export function useLoggedInHost(use: (session: { t: TestHost; cookie: string }) => void): void {
  let t: TestHost | undefined;
  beforeEach(async () => {
    t = await startTestHost();
    use({ t, cookie: await login(t) });
  });
  afterEach(async () => {
    await t?.cleanup();
  });
}

/** A POST to the API the way the wizard page sends it: cookie, Origin, JSON and the session key header. */
export function apiCall(
  t: TestHost,
  cookie: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return request(t, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Cookie: cookie,
      Origin: t.host.origin,
      'Content-Type': 'application/json',
      'X-Mobility-Session': t.sessionKey,
      ...headers,
    },
    body,
  });
}

/** The subprotocols the wizard page offers on the event socket: the fixed one, and the one carrying its key. */
export function wizardProtocols(t: TestHost): string[] {
  return ['mobility-events.v1', `mobility-session.${t.sessionKey}`];
}

/** The server still serves a logged-in page: called after every hostile request. */
export async function stillAnswers(t: TestHost, cookie: string): Promise<boolean> {
  const res = await request(t, { path: '/', headers: { Cookie: cookie } });
  return res.status === 200 && res.body.includes('Mobility Setup');
}
