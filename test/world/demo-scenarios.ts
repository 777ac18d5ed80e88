/**
 * The demo's endings (`node dist/main/demo.js --scenario NAME`): each is a package knob set, plus the
 * inactivity timeout the wizard runs with. A short pause per step lets a person watch the progress.
 */
import type { AgentBehavior } from './agent-package';

export interface DemoScenario {
  behavior: AgentBehavior;
  /** What a person sees at the end, for `demo --help`. */
  description: string;
  /** The wizard's inactivity timeout; absent = the default (15 minutes). */
  inactivityTimeoutMs?: number;
}

/** The vendor installer's own words for the most common install failure (../shared/domain.md, Prerequisites). */
export const UNSUPPORTED_KERNEL_LINE =
  "ERROR: This version of mobility service doesn't support the operating system kernel version 6.99.0-1-demo.";

export const DEMO_SCENARIOS: Record<string, DemoScenario> = {
  ok: { behavior: { slowMs: 400 }, description: 'install and register succeed' },
  reboot: {
    behavior: { slowMs: 400, rebootRequired: true },
    description: 'success; the installer asks for a restart (3010)',
  },
  fail: {
    behavior: { slowMs: 400, installExit: 1, installErrorLine: UNSUPPORTED_KERNEL_LINE },
    description: 'the installer refuses the kernel (exit 1); nothing is installed',
  },
  // The real default (15 minutes) would look like a demo that never ends: 20 s shows the same ending in well under a minute.
  hang: {
    behavior: { hangIn: 'install' },
    description: 'the installer hangs and is ended after 20 s without output (exit 124)',
    inactivityTimeoutMs: 20_000,
  },
  flood: { behavior: { installLogLines: 200_000 }, description: 'success after 200,000 log lines' },
};

export function demoUsage(): string {
  const names = Object.keys(DEMO_SCENARIOS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: node dist/main/demo.js [--scenario NAME] [--keep] [--port N]   (npm run demo builds first)',
    '',
    'Opens the wizard on a sandbox root with a test agent package and a configuration server simulator on',
    '127.0.0.1; nothing outside the sandbox changes. Ctrl+C stops it and deletes the sandbox.',
    '',
    'Options:',
    '  --scenario NAME  which ending the test agent package plays (default ok):',
    ...names.map((n) => `      ${n.padEnd(width)}  ${DEMO_SCENARIOS[n]?.description ?? ''}`),
    '  --keep           keep the sandbox folder after Ctrl+C',
    '  --port N         port of the browser host when Electron is not used (default: any free port)',
    '  -h, --help       show this help',
    '',
  ].join('\n');
}
