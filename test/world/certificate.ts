/**
 * A configuration server's certificate, generated at run time (never committed): CN cs.contoso.local,
 * SANs for 127.0.0.1 and ::1, valid now or already expired.
 */
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface GeneratedCertificate {
  certificatePem: string;
  keyPem: string;
  /** SHA-256, upper-case hex pairs joined by ':' (as Node's X509Certificate.fingerprint256). */
  fingerprint: string;
  validTo: Date;
}

export const CS_COMMON_NAME = 'cs.contoso.local';
const DAY_MS = 24 * 60 * 60 * 1000;

export async function generateCsCertificate(validity: 'valid' | 'expired' = 'valid'): Promise<GeneratedCertificate> {
  const now = Date.now();
  const notBeforeDate = new Date(validity === 'valid' ? now - DAY_MS : now - 400 * DAY_MS);
  const notAfterDate = new Date(validity === 'valid' ? now + 365 * DAY_MS : now - 2 * DAY_MS);
  // EC P-256: generation is instant, where RSA 2048 takes noticeable time on a busy 2-core machine.
  const pems = await generate([{ name: 'commonName', value: CS_COMMON_NAME }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: CS_COMMON_NAME },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const x509 = new X509Certificate(pems.cert);
  return {
    certificatePem: pems.cert,
    keyPem: pems.private,
    fingerprint: x509.fingerprint256,
    validTo: new Date(x509.validTo),
  };
}
