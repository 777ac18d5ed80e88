/**
 * Source of `UnifiedAgentConfigurator.sh` (installed at <dir>/Vx/bin/): registers the agent with the
 * configuration server simulator over HTTPS (test/world/cs-simulator.ts).
 *
 *   classic:    -i <CS IP or FQDN[:port]> -P <passphrase file> -c CSLegacy
 *   modernized: -S <config.json> -q -c CSPrime
 * config.json (invented shape for the fake appliance; the real file is opaque to the wizard):
 *   { "applianceName": "appliance01", "applianceEndpoint": "127.0.0.1:PORT", "key": "<registration key>" }
 *
 * Exit codes: 0 registered · 1 not root / agent not installed / cannot connect ("(7) Couldn't connect to
 * server", "(6) Couldn't resolve host name", "(28) Connection timed out") / expired server certificate
 * ("(60) Peer certificate cannot be authenticated …", checked BEFORE the secret is sent) · 2 invalid command
 * line · 3 invalid arguments (bad -c, unreadable passphrase or config file, bad address) · 13 already
 * registered to a different CS (drscout.conf Hostname:SslPort; as in a real drscout.conf, Port is the
 * plain-HTTP port and SslPort the HTTPS one used while Https=1) · 14 invalid passphrase/key or CS endpoint ·
 * 17 registration failed (unexpected server reply). Knobs: registerExit, hangIn 'register', slowMs.
 * The secret is read from the file, sent only in the TLS request body, and never printed or logged.
 */
export const CONFIGURATOR_JS = String.raw`#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const net = require('net');
const https = require('https');
const lib = require('./ua-lib.js');

const INSTALL_DIR = path.resolve(__dirname, '..', '..');
const DRSCOUT = path.join(INSTALL_DIR, 'etc', 'drscout.conf');
const behavior = lib.readJson(path.join(__dirname, 'behavior.json'), {});
const info = lib.readJson(path.join(__dirname, 'ua-package.json'), {});
const USAGE = 'Usage: UnifiedAgentConfigurator.sh -i <CS IP or FQDN> -P <passphrase file> -c CSLegacy | -S <config.json> -q -c CSPrime';
const SPEC = { '-i': 'value', '-P': 'value', '-c': 'value', '-S': 'value', '-q': 'flag' };
const log = lib.createLogger('UnifiedAgentConfigurator');

function fail(code, message, hint) {
  log.error('ERROR: ' + message);
  if (hint) log.error(hint);
  log.error('Agent configuration failed with exit code ' + code + '. Details: /var/log/ua_install.log');
  return code;
}

function parseEndpoint(text) {
  let host = text;
  let port = '443';
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) { host = bracketed[1]; port = bracketed[2] || '443'; }
  else if ((text.match(/:/g) || []).length === 1) { [host, port] = text.split(':'); }
  const n = Number(port);
  if (!host || !/^\d{1,5}$/.test(port) || n < 1 || n > 65535 || /[\s\/]/.test(host)) return null;
  return { host, port: n };
}

function readSecretFile(file) {
  try { return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, ''); } catch { return null; }
}

/** Classic or modernized request from the switches; { code, message } on a usage error. */
function readRequest(o) {
  if (o['-c'] === undefined) return { code: 2, message: 'Invalid command line: missing required option -c.' };
  if (o['-c'] !== 'CSLegacy' && o['-c'] !== 'CSPrime') return { code: 3, message: 'Invalid argument for -c: "' + o['-c'] + '" (expected CSLegacy or CSPrime).' };
  if (o['-c'] === 'CSLegacy') {
    if (o['-S'] !== undefined) return { code: 2, message: 'Invalid command line: -S is used with -c CSPrime, not CSLegacy.' };
    if (o['-i'] === undefined || o['-P'] === undefined) return { code: 2, message: 'Invalid command line: -i and -P are required with -c CSLegacy.' };
    const endpoint = parseEndpoint(o['-i']);
    if (!endpoint) return { code: 3, message: 'Invalid argument for -i: "' + o['-i'] + '" is not an IP address or FQDN[:port].' };
    const secret = readSecretFile(o['-P']);
    if (secret === null) return { code: 3, message: 'Cannot read the passphrase file ' + o['-P'] + '.' };
    if (secret.trim() === '') return { code: 3, message: 'The passphrase file ' + o['-P'] + ' is empty.' };
    return { mode: 'classic', endpoint, secret };
  }
  if (o['-i'] !== undefined || o['-P'] !== undefined) return { code: 2, message: 'Invalid command line: -i and -P are used with -c CSLegacy, not CSPrime.' };
  if (o['-S'] === undefined) return { code: 2, message: 'Invalid command line: -S <config.json> is required with -c CSPrime.' };
  const text = readSecretFile(o['-S']);
  if (text === null) return { code: 3, message: 'Cannot read the configuration file ' + o['-S'] + '.' };
  let config;
  // The parse error text could quote the key: report only that the file is not valid JSON.
  try { config = JSON.parse(text); } catch { return { code: 3, message: 'The configuration file ' + o['-S'] + ' is not valid JSON.' }; }
  const endpoint = config && typeof config.applianceEndpoint === 'string' ? parseEndpoint(config.applianceEndpoint) : null;
  if (!endpoint || typeof config.key !== 'string' || config.key === '') {
    return { code: 3, message: 'The configuration file ' + o['-S'] + ' has no valid applianceEndpoint and key.' };
  }
  return { mode: 'modernized', endpoint, secret: config.key };
}

function post(request) {
  return new Promise((resolve) => {
    const body = JSON.stringify({ mode: request.mode, host: os.hostname(), agentVersion: info.version, secret: request.secret });
    const { host, port } = request.endpoint;
    const req = https.request({
      host, port, method: 'POST', path: '/register', agent: false, timeout: 30000,
      // The fake pins nothing; it logs the fingerprint it saw, and refuses an expired certificate.
      rejectUnauthorized: false, servername: net.isIP(host) ? undefined : host,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    let settled = false;
    const done = (value) => { if (!settled) { settled = true; resolve(value); } };
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate();
        log.say('Configuration server certificate SHA-256 fingerprint: ' + (cert.fingerprint256 || 'none'));
        if (cert.valid_to && Date.parse(cert.valid_to) < Date.now()) {
          done({ curl: '(60) Peer certificate cannot be authenticated with given CA certificates (the certificate expired on ' + cert.valid_to + ')' });
          req.destroy();
          return;
        }
        req.end(body);
      });
    });
    req.on('timeout', () => { done({ curl: '(28) Connection timed out' }); req.destroy(); });
    req.on('error', (err) => {
      const code = err && err.code;
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') done({ curl: "(6) Couldn't resolve host name" });
      else done({ curl: "(7) Couldn't connect to server" });
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { if (text.length < 65536) text += chunk; });
      res.on('end', () => done({ status: res.statusCode, text }));
    });
  });
}

function setStatus(status) {
  const vx = lib.readKv(lib.VX_VERSION) || new Map();
  vx.set('AGENT_CONFIGURATION_STATUS', status);
  lib.writeKv(lib.VX_VERSION, vx);
}

function failedStatus() {
  const vx = lib.readKv(lib.VX_VERSION);
  if (vx && vx.get('AGENT_CONFIGURATION_STATUS') !== 'Succeeded') setStatus('Failed');
}

async function main() {
  if (!lib.isRoot()) return fail(1, 'UnifiedAgentConfigurator must be run as root.', 'Run it again as root (for example with sudo).');
  const parsed = lib.parseSwitches(process.argv.slice(2), SPEC);
  if (parsed.error) return fail(2, 'Invalid command line: ' + parsed.error + '.', USAGE);
  const request = readRequest(parsed.values);
  if (request.code) return fail(request.code, request.message, USAGE);
  const vx = lib.readKv(lib.VX_VERSION);
  if (!vx || !vx.get('Version')) return fail(1, 'The Mobility service is not installed (no /usr/local/.vx_version).', 'Install the agent first.');

  const { host, port } = request.endpoint;
  const target = host + ':' + port;
  const conf = fs.existsSync(DRSCOUT) ? fs.readFileSync(DRSCOUT, 'utf8') : '';
  const currentHost = lib.getIni(conf, 'vxagent.transport', 'Hostname');
  const currentPort = lib.getIni(conf, 'vxagent.transport', 'SslPort') || '443';
  if (currentHost && currentHost !== '0.0.0.0' && (currentHost !== host || Number(currentPort) !== port)) {
    return fail(13, 'The agent is already registered with configuration server ' + currentHost + ':' + currentPort + ', not ' + target + '.',
      'Unregister the agent from that server (or uninstall and reinstall it) before registering it with another one.');
  }

  log.say('Registering the Mobility service with ' + (request.mode === 'classic' ? 'configuration server ' : 'replication appliance ') + target + ' (' + request.mode + ').');
  lib.pause(behavior.slowMs || 0);
  if (behavior.hangIn === 'register') {
    log.say('Connecting to ' + target + '...');
    return 'hang';
  }
  if (behavior.registerExit) {
    failedStatus();
    return fail(behavior.registerExit, 'Registration failed (test package set to fail with exit code ' + behavior.registerExit + ').');
  }
  const reply = await post(request);
  if (reply.curl) {
    failedStatus();
    return fail(1, 'curl error ' + reply.curl + ' while contacting ' + target + '.', 'Check that the server is reachable on port ' + port + ' and its certificate is valid.');
  }
  if (reply.status === 401 || reply.status === 403) {
    failedStatus();
    return fail(14, 'Invalid passphrase or CS endpoint: the server at ' + target + ' refused the registration.',
      request.mode === 'classic' ? 'Generate the passphrase again on the configuration server and check the address.' : 'Download config.json from the appliance again.');
  }
  if (reply.status !== 200) {
    failedStatus();
    return fail(17, 'Registration failed: the server at ' + target + ' replied with HTTP status ' + reply.status + '.');
  }
  let text = conf === '' ? '[vxagent.transport]\n' : conf;
  text = lib.setIni(text, 'vxagent.transport', 'Hostname', host);
  text = lib.setIni(text, 'vxagent.transport', 'SslPort', String(port));
  text = lib.setIni(text, 'vxagent.transport', 'Https', '1');
  fs.mkdirSync(path.dirname(DRSCOUT), { recursive: true });
  fs.writeFileSync(DRSCOUT, text.endsWith('\n') ? text : text + '\n');
  setStatus('Succeeded');
  log.say('Agent configuration completed successfully: registered with ' + target + '.');
  return 0;
}

main().then(
  (result) => { if (result === 'hang') lib.hangForever(behavior); else process.exitCode = result; },
  (err) => { process.exitCode = fail(1, 'Unexpected configurator error: ' + (err && err.code ? err.code : 'unknown') + '.'); },
);
`;
