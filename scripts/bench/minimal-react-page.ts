/**
 * What the browser host is compared with: a minimal React page (one button) served by Node's `http` from
 * a process of its own, built here with esbuild from the same react and react-dom as the wizard. Started with
 * `--wizard-headers` it sends the browser host's security headers on every reply (its Content-Security-Policy,
 * Cross-Origin-Opener-Policy, no-store, …): the same page then shows what those headers cost by themselves.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { securityHeaders } from '../../main/web-host/responses';

const PAGE_SOURCE = `
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
function App() {
  const [clicked, setClicked] = useState(false);
  return <main><h1>Minimal page</h1><button type="button" onClick={() => setClicked(true)}>{clicked ? 'Clicked' : 'Continue'}</button></main>;
}
createRoot(document.getElementById('root')).render(<App />);
`;

/** Plain node:http, no framework: the least a Node web host can do. */
const SERVER_SOURCE = `'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const headers = process.argv[2] === '--wizard-headers' ? JSON.parse(fs.readFileSync(path.join(__dirname, 'wizard-headers.json'), 'utf8')) : {};
const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minimal</title></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>';
const server = http.createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
  if (req.url === '/app.js') return res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(fs.readFileSync(path.join(__dirname, 'app.js')));
  res.writeHead(404, headers).end();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/' }) + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export interface MinimalPage {
  dir: string;
  serverFile: string;
  dispose(): Promise<void>;
}

export async function buildMinimalReactPage(projectDir: string): Promise<MinimalPage> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mobility-setup-bench-page-'));
  await build({
    stdin: { contents: PAGE_SOURCE, loader: 'tsx', resolveDir: projectDir },
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(dir, 'app.js'),
    logLevel: 'warning',
  });
  const serverFile = path.join(dir, 'server.js');
  await fs.writeFile(serverFile, SERVER_SOURCE);
  // The port only appears in the CSP's connect-src (WebSocket), which this page does not use.
  await fs.writeFile(path.join(dir, 'wizard-headers.json'), JSON.stringify(securityHeaders(0)));
  return { dir, serverFile, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}
