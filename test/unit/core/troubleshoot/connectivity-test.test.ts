/** The troubleshooting connectivity test against real servers on loopback (no other network is used). */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runConnectivityTest } from '../../../../main/core/troubleshoot/connectivity-test';
import { closeServersAfterEach, closedPort, startTcpServer, startTlsServer } from '../connectivity/loopback-servers';

const keep = closeServersAfterEach();

describe('runConnectivityTest', () => {
  it('valid certificate on both ports: ok, with protocol, subject, issuer, expiry, fingerprint and timings', async () => {
    const control = await keep(startTlsServer('valid'));
    const data = await keep(startTlsServer('valid'));
    const test = await runConnectivityTest({
      endpoint: `127.0.0.1:${control.port}`,
      dataPort: data.port,
      timeoutMs: 2000,
    });
    expect(test.verdict).toBe('ok');
    expect(test.dns).toMatchObject({ verdict: 'ok', addresses: ['127.0.0.1'] });
    const [first, second] = test.ports;
    expect(first).toMatchObject({
      port: control.port,
      role: 'control',
      verdict: 'ok',
      tcp: { verdict: 'ok', address: '127.0.0.1' },
    });
    expect(second).toMatchObject({ port: data.port, role: 'data', verdict: 'ok' });
    const details = first!.tls.details!;
    expect(details.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(details.subject).toContain('CN=cs.example.test');
    expect(details.issuer).toContain('CN=cs.example.test');
    expect(details.expired).toBe(false);
    expect(details.sha256Fingerprint).toBe(new X509Certificate(control.certPem).fingerprint256);
    expect(first!.tcp.ms).toBeGreaterThanOrEqual(0);
    expect(first!.message).toMatch(/TCP in \d+ ms, TLSv1\.[23] in \d+ ms; self-signed/);
  });

  it('expired certificate: fail, naming the date and the vendor\'s "(60) Peer certificate" error', async () => {
    const control = await keep(startTlsServer('expired'));
    const test = await runConnectivityTest({
      endpoint: `127.0.0.1:${control.port}`,
      dataPort: await closedPort(),
      timeoutMs: 2000,
    });
    expect(test.ports[0]).toMatchObject({ verdict: 'fail', tls: { verdict: 'fail', details: { expired: true } } });
    expect(test.ports[0]!.message).toMatch(/expired on .*\(60\) Peer certificate.*Renew/);
    expect(test.verdict).toBe('fail');
  });

  it('closed port: the control port fails with "(7) Couldn\'t connect", a closed data port only warns', async () => {
    const control = await closedPort();
    const data = await closedPort();
    const test = await runConnectivityTest({ endpoint: `127.0.0.1:${control}`, dataPort: data, timeoutMs: 2000 });
    expect(test.ports[0]).toMatchObject({
      verdict: 'fail',
      tcp: { verdict: 'fail', code: 'ECONNREFUSED' },
      tls: { verdict: 'skipped' },
    });
    expect(test.ports[0]!.message).toContain("(7) Couldn't connect to server");
    expect(test.ports[1]).toMatchObject({ verdict: 'warn', tcp: { code: 'ECONNREFUSED' } });
  });

  it('a port that accepts and never answers: fails after the short timeout, both ports probed in parallel', async () => {
    const silentControl = await keep(startTcpServer());
    const silentData = await keep(startTcpServer());
    const started = Date.now();
    const test = await runConnectivityTest({
      endpoint: `127.0.0.1:${silentControl.port}`,
      dataPort: silentData.port,
      timeoutMs: 800,
    });
    const took = Date.now() - started;
    for (const port of test.ports) {
      expect(port).toMatchObject({
        verdict: 'fail',
        tcp: { verdict: 'ok' },
        tls: { verdict: 'fail', code: 'ETIMEDOUT' },
      });
      expect(port.tls.ms).toBeGreaterThanOrEqual(700);
      expect(port.message).toMatch(/did not answer the TLS handshake within 800 ms/);
    }
    // In parallel: one timeout (plus slack), not two.
    expect(took).toBeLessThan(1500);
  });

  it('a name that does not resolve fails at DNS and probes nothing', async () => {
    const test = await runConnectivityTest({
      endpoint: 'cs.invalid',
      resolve: () => Promise.resolve({ ok: false, code: 'ENOTFOUND' }),
    });
    expect(test).toMatchObject({ verdict: 'fail', dns: { verdict: 'fail' }, ports: [] });
    expect(test.dns.message).toContain('cannot be resolved (ENOTFOUND)');
  });
});
