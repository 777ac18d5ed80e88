// The security scans CI runs (.ci/run → `npm run security`):
//  1. Electronegativity over the app's sources (main/, common/, renderer/): any HIGH or MEDIUM finding fails.
//     Exclusions are `eng-disable` comments on the flagged line, each with its reason beside it (the README's
//     Security section lists them). LOW findings (its CSP hints, "manual review") are printed, not failed.
//  2. `npm audit --omit=dev` (scripts/production-audit.mjs): a high or critical advisory in a runtime dependency
//     fails. When the registry's advisory endpoint cannot be reached, that is said as NOT CHECKED (it is no pass).
// Electronegativity runs through its API: its command line breaks on the commander npm hoists next to it.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProductionAudit } from './production-audit.mjs';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCES = ['main', 'common', 'renderer'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
let failed = false;

const runElectronegativity = require('@doyensec/electronegativity');
// One scan over the three folders together (its global checks, e.g. navigation limits, look across files),
// copied aside so the build output, tests and packages (other copies of the same code) are not scanned.
const input = path.join(projectDir, '.tmp', 'security-scan');
rmSync(input, { recursive: true, force: true });
for (const folder of SOURCES) cpSync(path.join(projectDir, folder), path.join(input, folder), { recursive: true });
// It prints progress and a "could not retrieve translations" line (no network is needed for the scan itself).
const quiet = console.log;
console.log = () => {};
let result;
try {
  result = await runElectronegativity(
    {
      input,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: '45.5.0',
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = quiet;
  rmSync(input, { recursive: true, force: true });
}
const findings = [];
for (const error of result.errors)
  findings.push({ level: 'ERROR', text: `${error.file}: could not parse (${error.message})` });
for (const issue of result.issues) {
  const level = issue.severity.name ?? String(issue.severity);
  findings.push({
    level,
    text: `${level} ${issue.id} ${issue.file}:${issue.location?.line ?? '?'} ${issue.description}`,
  });
}
const blocking = findings.filter((f) => FAILING.has(f.level) || f.level === 'ERROR');
for (const finding of findings) process.stdout.write(`electronegativity: ${finding.text}\n`);
if (blocking.length > 0) {
  failed = true;
  process.stdout.write(
    `electronegativity: FAILED, ${blocking.length} high/medium finding(s) or parse errors in ${SOURCES.join(', ')}\n`,
  );
} else {
  process.stdout.write(
    `electronegativity: passed, no high or medium finding in ${SOURCES.join('/, ')}/ (${findings.length} low)\n`,
  );
}

if (runProductionAudit()) failed = true;
process.exit(failed ? 1 : 0);
