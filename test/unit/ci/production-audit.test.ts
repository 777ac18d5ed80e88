/**
 * The production audit gate (scripts/production-audit.mjs, run by `npm run security` in CI) against a registry on
 * loopback that plays npm's advisory endpoint: real `npm audit --omit=dev` over this repository's lock file.
 * (This workplace's registry answers the endpoint with 405, so CI itself can only print NOT CHECKED; these tests
 * show what the gate does with each answer a real registry can give.)
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../../..');
const BULK = '/-/npm/v1/security/advisories/bulk';

interface Registry {
  url: string;
  /** The package names npm asked about, from the bulk request's body. */
  asked: string[];
  close: () => Promise<void>;
}

const servers: Registry[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A registry whose advisory endpoint answers `status` with `advisories` (name → advisories); packuments 404. */
async function advisoryRegistry(status: number, advisories: Record<string, unknown[]> = {}): Promise<Registry> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === BULK) {
        const raw = Buffer.concat(chunks);
        const body = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        asked.push(...Object.keys(JSON.parse(body.toString('utf8')) as object));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? advisories : { error: 'Method Not Allowed' }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const registry: Registry = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  servers.push(registry);
  return registry;
}

/** Runs the gate as CI does, with npm pointed at `registry`; async so the registry in this process can answer. */
function runAudit(registry: Registry): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'scripts/production-audit.mjs')], {
      cwd: REPO,
      env: { ...process.env, npm_config_registry: registry.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

const advisory = (severity: string) => ({
  id: 990001,
  url: 'https://advisories.invalid/990001',
  title: `a ${severity} test advisory`,
  severity,
  vulnerable_versions: '<1000.0.0',
  cwe: [],
  cvss: { score: 7.5, vectorString: null },
});

describe('npm audit --omit=dev as a CI gate', () => {
  it('fails on a high advisory in a runtime dependency, naming it', { timeout: 60_000 }, async () => {
    const registry = await advisoryRegistry(200, { commander: [advisory('high')] });
    const run = await runAudit(registry);
    expect(run.stdout).toMatch(/^npm audit --omit=dev: FAILED \(.*high 1.*\): commander \(high\)/m);
    expect(run.code).toBe(1);
  });

  it(
    'passes when the only advisory is for a development tool, which is not asked about',
    { timeout: 60_000 },
    async () => {
      const registry = await advisoryRegistry(200, { vite: [advisory('critical')] });
      const run = await runAudit(registry);
      expect(registry.asked).toContain('commander');
      expect(registry.asked).not.toContain('vite');
      expect(run.stdout).toMatch(/^npm audit --omit=dev: passed \(.*critical 0/m);
      expect(run.code).toBe(0);
    },
  );

  it('a moderate advisory is reported but does not fail', { timeout: 60_000 }, async () => {
    const registry = await advisoryRegistry(200, { zod: [advisory('moderate')] });
    const run = await runAudit(registry);
    expect(run.stdout).toMatch(/^npm audit --omit=dev: passed \(.*moderate 1/m);
    expect(run.code).toBe(0);
  });

  it(
    'an endpoint that refuses (as this workplace registry does) is NOT CHECKED, never "passed"',
    { timeout: 60_000 },
    async () => {
      const registry = await advisoryRegistry(405);
      const run = await runAudit(registry);
      expect(run.stdout).toMatch(/^npm audit --omit=dev: NOT CHECKED, .*405/m);
      expect(run.stdout).not.toMatch(/passed/);
      expect(run.code).toBe(0);
    },
  );
});
