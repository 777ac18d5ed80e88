/**
 * The troubleshooting connectivity test's details in English (diagnose, the bundle, the Troubleshoot page).
 * Korean: connectivity-texts-ko.ts. `answered.*` codes say the TLS verdict in the same sentence as the timings.
 */
const ANSWERED = '{{host}}:{{port}} answered: TCP in {{tcpMs}} ms, {{protocol}} in {{tlsMs}} ms;';

export const connectivityTextsEn = {
  'probe.dns.ip': '{{host}} is an IP address: no lookup needed.',
  'probe.dns.ok': '{{host}} resolves to {{addresses}} in {{ms}} ms.',
  'probe.dns.fail': '{{host}} cannot be resolved ({{error}}): check the name and DNS, or use the IP address.',
  'probe.tcp.control':
    '{{host}}:{{port}} did not accept a connection ({{error}}) after {{ms}} ms: open TCP {{port}} from this ' +
    'machine to the configuration server ("(7) Couldn\'t connect to server").',
  'probe.tcp.data':
    '{{host}}:{{port}} did not accept a connection ({{error}}) after {{ms}} ms: open TCP {{port}} to the process ' +
    'server for replication data.',
  'probe.tls.silent':
    '{{host}}:{{port}} accepted the connection but did not answer the TLS handshake within {{timeoutMs}} ms: ' +
    'something in between (a proxy or an inspecting firewall) holds it, or this is not the server.',
  'probe.tls.failed':
    'The TLS handshake with {{host}}:{{port}} failed ({{error}}): check that TLS 1.2 is enabled on both machines.',
  'probe.answered.noCertificate': `${ANSWERED} the server sent no certificate.`,
  'probe.answered.expired': `${ANSWERED} its certificate expired on {{validTo}} ("(60) Peer certificate"). Renew the certificate on the configuration server.`,
  'probe.answered.notYetValid': `${ANSWERED} its certificate is valid only from {{validFrom}}: check the clock.`,
  'probe.answered.private': `${ANSWERED} self-signed or privately issued certificate (usual for a configuration server).`,
  'probe.answered.trusted': `${ANSWERED} trusted certificate.`,
} as const;

export type ConnectivityTextCode = keyof typeof connectivityTextsEn;
