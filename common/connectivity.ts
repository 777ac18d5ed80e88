/** The connectivity check run before registering with a configuration server. */
export type CheckState = 'ok' | 'warn' | 'fail' | 'skipped';

export interface ConnectivityCheck {
  id: 'dns' | 'control' | 'tls' | 'data';
  state: CheckState;
  /** Catalog code, e.g. "conn.dns.ok", "conn.control.refused", "conn.tls.expired". */
  code: string;
  message: string;
  durationMs: number;
}

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  expired: boolean;
  /** Trusted by this machine's CA store. */
  trusted: boolean;
  sha256Fingerprint: string;
}

export interface ConnectivityReport {
  host: string;
  port: number;
  dataPort: number;
  addresses: string[];
  checks: ConnectivityCheck[];
  certificate: CertificateFacts | null;
  /** false when a check failed that would stop registration (DNS, 443). A failed data port only warns. */
  canRegister: boolean;
}
