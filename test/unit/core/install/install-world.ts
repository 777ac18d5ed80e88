/**
 * A sandbox machine for install tests: a temp root with a Debian 12 fixture's release files, an
 * installer folder with a real agent package from the test world, and a core wired like the real one
 * (real detection, real job manager, real processes) with seams for the elevator and connectivity check.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Dispatch, Handlers } from '../../../../main/api/dispatch';
import { createCore } from '../../../../main/core/app-core';
import { createCoreDeps } from '../../../../main/core/detection-core';
import type { EventName, EventTypes } from '../../../../common/api';
import type { JobSnapshot } from '../../../../common/install';
import type { CoreDeps } from '../../../../main/core/core-deps';
import type { DetectionService } from '../../../../main/core/detect/detection-service';
import type { DetectionProbes } from '../../../../main/platform/detection-probes';
import type { InstallOverrides } from '../../../../main/core/install';
import { waitForJob } from '../../../../main/core/jobs/wait-for-job';
import { processRunner } from '../../../../main/platform/process-runner';
import { buildAgentPackage } from '../../../world/agent-package';
import type { AgentBehavior } from '../../../world/agent-package';
import { startCsSimulator } from '../../../world/cs-simulator';
import type { CsSimulator } from '../../../world/cs-simulator';

const TEST_SESSION = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/roots');
export const TOKEN = 'DEBIAN12-64';
/** The passphrase the shared CS simulator accepts. */
export const PASSPHRASE = 'itUx70I47uxDuUVY';

export async function makeRoot(fixture = 'debian-12'): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ms-install-root-'));
  await cp(path.join(FIXTURES, fixture), root, { recursive: true });
  return root;
}

export async function makeInstaller(
  dir: string,
  behavior: AgentBehavior = {},
  version = '9.65.0.0',
  token = TOKEN,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  return buildAgentPackage({ outDir: dir, token, version, behavior });
}

export interface TestInstaller {
  root: string;
  deps: CoreDeps;
  events: Array<{ name: EventName; payload: EventTypes[EventName] }>;
  dispatch: Dispatch;
  handlers: Handlers & { dispose(): Promise<void> };
  detection: DetectionService;
  /** Starts a job through the dispatcher (validated like every front door) and waits for its end. */
  run(method: 'startInstall' | 'startRegister', input: unknown): Promise<JobSnapshot>;
  start(method: 'startInstall' | 'startRegister', input: unknown): Promise<string>;
  wait(jobId: string): Promise<JobSnapshot>;
  dispose(): Promise<void>;
}

export function createTestInstaller(
  root: string,
  overrides: InstallOverrides = {},
  inactivityTimeoutMs?: number,
  probes?: (deps: CoreDeps) => DetectionProbes,
): TestInstaller {
  // Built through createCore like every front door; the probes need the deps, so they come from a first
  // core's deps (same root and platform) when a test replaces them.
  const options = {
    root,
    platform: 'linux' as const,
    runner: processRunner,
    session: TEST_SESSION,
    ...(inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs } : {}),
  };
  const detectionProbes = probes ? probes(createCoreDeps(options)) : undefined;
  const { antivirusNote: _antivirusNote, ...adapters } = overrides;
  const core = createCore({ ...options, ...adapters, ...(detectionProbes ? { detectionProbes } : {}) });
  const { deps, events, detection, dispatch } = core;
  const handlers = { ...core.handlers, dispose: () => core.dispose() };
  const seen: TestInstaller['events'] = [];
  events.subscribe((name, payload) => seen.push({ name, payload }));
  const start = async (method: 'startInstall' | 'startRegister', input: unknown) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return (result.value as { jobId: string }).jobId;
  };
  const wait = (jobId: string) => waitForJob(events, (id) => handlers.getJob({ jobId: id }), jobId);
  return {
    root,
    deps,
    events: seen,
    dispatch,
    handlers,
    detection,
    start,
    wait,
    run: async (method, input) => wait(await start(method, input)),
    dispose: () => core.dispose(),
  };
}

export async function readVx(root: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(root, 'usr/local/.vx_version'), 'utf8').catch(() => '');
  return new Map(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]),
  );
}

/** Entries left in the sandbox's temporary folder (extraction and secret folders). */
export async function leftovers(root: string): Promise<string[]> {
  const tmp = path.join(root, 'tmp');
  const top = await readdir(tmp).catch(() => [] as string[]);
  const secrets = await readdir(path.join(tmp, 'mobility-setup-secrets')).catch(() => [] as string[]);
  return [...top.filter((n) => n !== 'mobility-setup-secrets'), ...secrets.map((n) => `mobility-setup-secrets/${n}`)];
}

// Shared with the Playwright specs, which cannot load this vitest module.
export { alive, pidsMentioning } from '../../../world/process-scan';

export const removeAll = (...dirs: string[]) => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));

export interface InstallTestSetup {
  /** The CS simulator for the whole file (started before its first test). */
  readonly cs: CsSimulator;
  /** A fresh fixture root with an agent package in `<root>/installers`; removed after the test. */
  rootWithInstaller(options?: {
    fixture?: string;
    behavior?: AgentBehavior;
    version?: string;
  }): Promise<{ root: string; installerDir: string }>;
  /** `createTestInstaller`, disposed after the test. */
  installer(...args: Parameters<typeof createTestInstaller>): TestInstaller;
}

/**
 * Registers a test file's install hooks: one CS simulator (accepting PASSPHRASE) for the file, and after
 * every test, disposal of the installers and removal of the roots made through the returned helpers.
 */
export function useInstallTestSetup(): InstallTestSetup {
  let cs: CsSimulator | undefined;
  const roots: string[] = [];
  const installers: TestInstaller[] = [];
  beforeAll(async () => {
    cs = await startCsSimulator({ passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await cs?.close();
  });
  afterEach(async () => {
    await Promise.all(installers.splice(0).map((i) => i.dispose()));
    await removeAll(...roots.splice(0));
  });
  return {
    get cs() {
      if (!cs) throw new Error('the CS simulator starts in beforeAll');
      return cs;
    },
    async rootWithInstaller({ fixture, behavior, version } = {}) {
      const root = await makeRoot(fixture);
      roots.push(root);
      const installerDir = path.join(root, 'installers');
      await makeInstaller(installerDir, behavior, version);
      return { root, installerDir };
    },
    installer(...args) {
      const installer = createTestInstaller(...args);
      installers.push(installer);
      return installer;
    },
  };
}
