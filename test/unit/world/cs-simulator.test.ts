import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';

const PASSPHRASE = 'itUx70I47uxDuUVY';
const started: CsSimulator[] = [];
async function start(options: Parameters<typeof startCsSimulator>[0]) {
  const sim = await startCsSimulator(options);
  started.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

function peerFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

function post(port: number, body: object): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path: '/register',
        method: 'POST',
        rejectUnauthorized: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8').on('data', (c: string) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: data }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function connect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve('open');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

describe('startCsSimulator', () => {
  it('serves HTTPS on loopback with a generated certificate whose fingerprint it reports', async () => {
    const sim = await start({ passphrase: PASSPHRASE });
    expect(sim.endpoint).toBe(`127.0.0.1:${sim.port}`);
    const x509 = new X509Certificate(sim.certificatePem);
    expect(sim.fingerprint).toBe(x509.fingerprint256);
    expect(sim.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(x509.subject).toContain('CN=cs.contoso.local');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(await peerFingerprint(sim.port)).toBe(sim.fingerprint);
  });

  it('can serve an expired certificate', async () => {
    const sim = await start({ passphrase: PASSPHRASE, certificate: 'expired' });
    expect(new Date(new X509Certificate(sim.certificatePem).validTo).getTime()).toBeLessThan(Date.now());
  });

  it('checks the passphrase and the appliance key, and records every attempt', async () => {
    const sim = await start({ passphrase: PASSPHRASE, applianceKey: 'k3y' });
    expect((await post(sim.port, { mode: 'classic', host: 'vm1', secret: PASSPHRASE })).status).toBe(200);
    const refused = await post(sim.port, { mode: 'classic', host: 'vm2', secret: 'wrong' });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain(PASSPHRASE);
    expect((await post(sim.port, { mode: 'modernized', host: 'vm3', secret: 'k3y' })).status).toBe(200);
    expect((await post(sim.port, { mode: 'modernized', host: 'vm4', secret: PASSPHRASE })).status).toBe(403);
    expect((await post(sim.port, { mode: 'other', secret: PASSPHRASE })).status).toBe(400);
    expect(sim.registrations.map(({ mode, host, ok }) => ({ mode, host, ok }))).toEqual([
      { mode: 'classic', host: 'vm1', ok: true },
      { mode: 'classic', host: 'vm2', ok: false },
      { mode: 'modernized', host: 'vm3', ok: true },
      { mode: 'modernized', host: 'vm4', ok: false },
    ]);
    expect(JSON.parse(sim.applianceConfig())).toEqual({
      applianceName: 'appliance01',
      applianceEndpoint: sim.endpoint,
      key: 'k3y',
    });
  });

  it('has a data port that accepts connections, or refuses them when told to', async () => {
    const sim = await start({ passphrase: PASSPHRASE });
    expect(sim.dataPort).not.toBe(sim.port);
    expect(await connect(sim.dataPort)).toBe('open');
    expect(await peerFingerprint(sim.dataPort)).toBe(sim.fingerprint);
    const blocked = await start({ passphrase: PASSPHRASE, dataPortOpen: false });
    expect(await connect(blocked.dataPort)).toBe('ECONNREFUSED');
  });

  it('stops listening on close', async () => {
    const sim = await startCsSimulator({ passphrase: PASSPHRASE });
    await sim.close();
    expect(await connect(sim.port)).toBe('ECONNREFUSED');
    expect(await connect(sim.dataPort)).toBe('ECONNREFUSED');
  });
});
