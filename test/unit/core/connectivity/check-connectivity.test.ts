import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConnectivityReport } from '../../../../common/connectivity';
import { UserError } from '../../../../common/result';
import { EventBus } from '../../../../main/api/event-bus';
import type { CoreDeps } from '../../../../main/core/core-deps';
import { processRunner } from '../../../../main/platform/process-runner';
import { SystemPaths } from '../../../../main/platform/system-paths';
import { certificateFacts, checkConnectivity, createConnectivityHandlers } from '../../../../main/core/connectivity';
import { closeServersAfterEach, closedPort, makeCertificate, startTcpServer, startTlsServer } from './loopback-servers';
import { linuxProfile } from '../../../../main/platform/linux/profile';

const keep = closeServersAfterEach();

const byId = (report: ConnectivityReport, id: string) => report.checks.find((c) => c.id === id);

describe('checkConnectivity against real loopback servers', () => {
  it('reads a self-signed certificate: reachable, untrusted (warn), not expired, fingerprint as X509Certificate', async () => {
    const tls = await keep(startTlsServer('valid'));
    const data = await keep(startTcpServer());
    const report = await checkConnectivity({ endpoint: `127.0.0.1:${tls.port}`, dataPort: data.port, timeoutMs: 3000 });
    expect(report).toMatchObject({
      host: '127.0.0.1',
      port: tls.port,
      dataPort: data.port,
      addresses: ['127.0.0.1'],
      canRegister: true,
    });
    expect(byId(report, 'dns')).toMatchObject({ state: 'ok', code: 'conn.dns.literal' });
    expect(byId(report, 'dns')?.message).toContain('no lookup needed');
    expect(byId(report, 'control')).toMatchObject({ state: 'ok', code: 'conn.control.ok' });
    expect(byId(report, 'tls')).toMatchObject({ state: 'warn', code: 'conn.tls.untrusted' });
    expect(byId(report, 'tls')?.message).toContain('(60) Peer certificate cannot be authenticated');
    expect(byId(report, 'data')).toMatchObject({ state: 'ok', code: 'conn.data.ok' });
    const x509 = new X509Certificate(tls.certPem);
    expect(report.certificate).toMatchObject({
      trusted: false,
      expired: false,
      sha256Fingerprint: x509.fingerprint256,
    });
    expect(report.certificate?.subject).toContain('CN=cs.example.test');
    expect(report.certificate?.validTo).toBe(new Date(x509.validTo).toISOString());
    expect(report.checks.map((c) => c.id)).toEqual(['dns', 'control', 'tls', 'data']);
  });

  it('warns (does not fail) on an expired certificate', async () => {
    const tls = await keep(startTlsServer('expired'));
    const report = await checkConnectivity({
      endpoint: `127.0.0.1:${tls.port}`,
      dataPort: await closedPort(),
      timeoutMs: 3000,
    });
    expect(byId(report, 'tls')).toMatchObject({ state: 'warn', code: 'conn.tls.expired' });
    expect(byId(report, 'tls')?.message).toContain('expired on');
    expect(report.certificate?.expired).toBe(true);
    expect(report.canRegister).toBe(true);
  });

  it('judges expiry with the injected clock', async () => {
    const tls = await keep(startTlsServer('valid'));
    const farFuture = Date.now() + 10 * 365 * 24 * 3600 * 1000;
    const report = await checkConnectivity({
      endpoint: `127.0.0.1:${tls.port}`,
      dataPort: await closedPort(),
      timeoutMs: 3000,
      now: () => farFuture,
    });
    expect(report.certificate?.expired).toBe(true);
  });

  it('fails the control check on a closed port with the vendor-like hint, and skips TLS', async () => {
    const port = await closedPort();
    const report = await checkConnectivity({
      endpoint: `127.0.0.1:${port}`,
      dataPort: await closedPort(),
      timeoutMs: 3000,
    });
    expect(byId(report, 'control')).toMatchObject({ state: 'fail', code: 'conn.control.refused' });
    expect(byId(report, 'control')?.message).toContain(
      `(7) Couldn't connect to server. Open TCP ${port} from this machine to the configuration server`,
    );
    expect(byId(report, 'tls')?.state).toBe('skipped');
    expect(report.certificate).toBeNull();
    expect(report.canRegister).toBe(false);
  });

  it('only warns when the data port is closed', async () => {
    const tls = await keep(startTlsServer('valid'));
    const report = await checkConnectivity({
      endpoint: `127.0.0.1:${tls.port}`,
      dataPort: await closedPort(),
      timeoutMs: 3000,
    });
    expect(byId(report, 'data')).toMatchObject({ state: 'warn', code: 'conn.data.closed' });
    expect(byId(report, 'data')?.message).toContain('process server may be another machine');
    expect(report.canRegister).toBe(true);
  });

  it('fails the TLS check when the port does not speak TLS', async () => {
    const plain = await keep(startTcpServer('127.0.0.1', true));
    const report = await checkConnectivity({
      endpoint: `127.0.0.1:${plain.port}`,
      dataPort: plain.port,
      timeoutMs: 3000,
    });
    expect(byId(report, 'control')?.state).toBe('ok');
    expect(byId(report, 'tls')).toMatchObject({ state: 'fail', code: 'conn.tls.handshake' });
    expect(report.canRegister).toBe(true);
  });

  it('resolves localhost and connects to the address that listens', async () => {
    const tls = await keep(startTlsServer('valid'));
    const report = await checkConnectivity({ endpoint: `localhost:${tls.port}`, dataPort: tls.port, timeoutMs: 3000 });
    expect(byId(report, 'dns')).toMatchObject({ state: 'ok', code: 'conn.dns.ok' });
    expect(report.addresses).toContain('127.0.0.1');
    expect(byId(report, 'control')?.state).toBe('ok');
    expect(report.certificate?.trusted).toBe(false);
  });

  it('handles an IPv6 literal', async () => {
    const tls = await keep(startTlsServer('valid', '::1'));
    const report = await checkConnectivity({ endpoint: `[::1]:${tls.port}`, dataPort: tls.port, timeoutMs: 3000 });
    expect(report.host).toBe('::1');
    expect(byId(report, 'control')?.state).toBe('ok');
    expect(byId(report, 'control')?.message).toContain(`[::1]:${tls.port}`);
  });

  it('fails DNS for a name that cannot be resolved and skips the rest', async () => {
    // The resolver answers as the system's does for a missing name; no DNS server is asked.
    const resolve = (host: string) =>
      Promise.resolve(
        host === 'cs.mobility-setup-test.invalid'
          ? { ok: false as const, code: 'ENOTFOUND' }
          : { ok: true as const, addresses: ['127.0.0.1'] },
      );
    const report = await checkConnectivity({ endpoint: 'cs.mobility-setup-test.invalid', timeoutMs: 3000, resolve });
    expect(byId(report, 'dns')?.state).toBe('fail');
    expect(byId(report, 'dns')?.code).toMatch(/^conn\.dns\.(notFound|timeout|failed)$/);
    expect(byId(report, 'dns')?.message).toContain('cs.mobility-setup-test.invalid cannot be resolved');
    expect(report.checks.slice(1).map((c) => c.state)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(report).toMatchObject({ canRegister: false, addresses: [], port: 443, dataPort: 9443 });
  });

  it.each([
    ['https://cs.example.test', 'endpoint.scheme'],
    ['cs example', 'endpoint.invalid'],
    ['10.0.0.1:99999', 'endpoint.port'],
    ['', 'endpoint.empty'],
  ])('refuses %j with %s before any network use', async (endpoint, code) => {
    const err = await checkConnectivity({ endpoint }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe(code);
  });
});

describe('certificateFacts', () => {
  it('reports a certificate trusted when the handshake authorised it', async () => {
    const { cert } = await makeCertificate('valid');
    const facts = certificateFacts(
      { authorized: true, authorizationError: null, certificate: new X509Certificate(cert), protocol: 'TLSv1.3' },
      Date.now(),
    );
    expect(facts).toMatchObject({ trusted: true, expired: false });
  });
});

describe('createConnectivityHandlers', () => {
  it('probes the request dataPort and logs the outcome without secrets', async () => {
    const tls = await keep(startTlsServer('valid'));
    const data = await keep(startTcpServer());
    const lines: Array<Record<string, unknown> | undefined> = [];
    const deps: CoreDeps = {
      paths: new SystemPaths('/'),
      platform: 'linux',
      profile: linuxProfile,
      runner: processRunner,
      clock: { now: () => Date.now() },
      logger: { info: (_m, f) => lines.push(f), warn: () => undefined, error: () => undefined },
      events: new EventBus(),
      desktop: null,
    };
    const handlers = createConnectivityHandlers(deps);
    const report = await handlers.checkConnectivity({ endpoint: `127.0.0.1:${tls.port}`, dataPort: data.port });
    expect(report.dataPort).toBe(data.port);
    expect(byId(report, 'data')?.state).toBe('ok');
    expect(lines[0]).toMatchObject({ host: '127.0.0.1', canRegister: true });
  });
});
