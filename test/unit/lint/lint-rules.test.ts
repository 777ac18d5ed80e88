/**
 * Each rule `npm run lint` enforces, firing on a throwaway file written under the real folders (a unique name,
 * removed in `finally`), with the repository's own configurations: dependency-cruiser (.dependency-cruiser.cjs
 * as `npm run lint:deps` runs it), ESLint (eslint.config.mjs) and knip
 * (knip.jsonc, on a small project that declares a dependency nothing imports).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../../..');
const PROBE = `lint-probe-${process.pid}-${Date.now()}`;

/** Writes files (repository-relative path → text), runs `check`, and removes every file and folder it made. */
async function withProbeFiles<T>(files: Record<string, string>, check: () => Promise<T> | T): Promise<T> {
  const made: string[] = [];
  try {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(REPO, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      made.push(full);
    }
    return await check();
  } finally {
    for (const full of made) rmSync(full, { force: true });
    for (const full of made)
      if (path.basename(path.dirname(full)).startsWith('lint-probe-'))
        rmSync(path.dirname(full), { recursive: true, force: true });
  }
}

interface Violation {
  rule: string;
  /** The violation as dependency-cruiser prints it (files, or folders round a cycle). */
  text: string;
}

/** `npm run lint:deps` exactly as package.json spells it: its exit status and the errors naming a probe file. */
function dependencyViolations(): { status: number | null; violations: Violation[] } {
  const script = (
    JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['lint:deps']!;
  const [, ...args] = script.split(' ');
  const bin = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // "  error <rule>: <from> → <to>" (a cycle continues on the next lines, up to a blank line or the next error).
  const violations = run.stdout
    .split(/\n(?=\s+error )/)
    .map((block) => /^\s+error ([a-z-]+): ([\s\S]*)$/.exec(block))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ rule: m[1]!, text: m[2]!.split('\n\n')[0]! }))
    .filter((v) => v.text.includes(PROBE));
  return { status: run.status, violations };
}

describe('dependency-cruiser rules', () => {
  it('fails a two-way folder dependency (no file imports itself round a loop: the folders do)', async () => {
    const a = `main/${PROBE}-a`;
    const b = `main/${PROBE}-b`;
    const result = await withProbeFiles(
      {
        [`${a}/first.ts`]: `import { second } from '../${PROBE}-b/second';\nexport const first = (): number => second + 1;\n`,
        [`${b}/second.ts`]: 'export const second = 1;\n',
        [`${b}/third.ts`]: `import { fourth } from '../${PROBE}-a/fourth';\nexport const third = (): number => fourth + 1;\n`,
        [`${a}/fourth.ts`]: 'export const fourth = 4;\n',
      },
      dependencyViolations,
    );
    expect(result.status).not.toBe(0);
    expect(result.violations.map((v) => v.rule)).toContain('no-folder-cycle');
    expect(result.violations.map((v) => v.rule)).not.toContain('no-module-cycle');
  }, 180_000);

  it('fails platform → core, and passes platform → the ports (main/ports)', async () => {
    const result = await withProbeFiles(
      {
        [`main/platform/${PROBE}-bad.ts`]:
          "import { describeExitCode } from '../core/install/exit-codes';\nexport const describe = describeExitCode;\n",
        [`main/platform/${PROBE}-good.ts`]:
          "import { silentLogger } from '../ports/ports';\nexport const logger = silentLogger;\n",
      },
      dependencyViolations,
    );
    expect(result.status).not.toBe(0);
    expect(result.violations.map((v) => v.rule)).toEqual(['platform-only-on-ports']);
    expect(result.violations[0]!.text).toMatch(
      new RegExp(`^main/platform/${PROBE}-bad\\.ts → main/core/install/exit-codes\\.ts`),
    );
  }, 180_000);

  it('fails core → a front door (the CLI)', async () => {
    const result = await withProbeFiles(
      { [`main/core/${PROBE}.ts`]: "import { EXIT } from '../cli/exit-codes';\nexport const ok = EXIT.ok;\n" },
      dependencyViolations,
    );
    expect(result.status).not.toBe(0);
    expect(result.violations.map((v) => v.rule)).toEqual(['core-below-front-doors']);
  }, 180_000);
});

describe('ESLint rules', () => {
  const probes: Record<string, string> = {
    [`common/${PROBE}-bare.ts`]: "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n",
    [`common/${PROBE}-node.ts`]: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    [`renderer/${PROBE}-bare.ts`]: "import path from 'path';\nexport const join = path.join;\n",
    [`main/core/${PROBE}-exec.ts`]: "import { exec } from 'node:child_process';\nexport const run = exec;\n",
    [`main/core/${PROBE}-exec-sync.ts`]: "import { execSync } from 'child_process';\nexport const run = execSync;\n",
    [`main/core/${PROBE}-namespace.ts`]: "import * as cp from 'node:child_process';\nexport const run = cp.spawn;\n",
    [`main/core/${PROBE}-shell-string.ts`]:
      "import { spawn } from 'node:child_process';\nexport const run = () => spawn('ls', [], { shell: '/bin/bash' });\n",
    [`main/core/${PROBE}-shell-variable.ts`]:
      "import { execFile } from 'node:child_process';\nexport const run = (which: string) => execFile('ls', [], { shell: which }, () => undefined);\n",
    [`main/core/${PROBE}-default.ts`]: 'const value = 1;\nexport default value;\n',
    [`main/core/${PROBE}-clean.ts`]:
      "import { spawn } from 'node:child_process';\nexport const run = () => spawn('ls', ['-l'], { shell: false });\n",
  };

  it('fails builtins in common/ and renderer/, exec and execSync, a shell option, a default export; passes the clean file', async () => {
    const results = await withProbeFiles(probes, async () => {
      const eslint = new ESLint({ cwd: REPO });
      return eslint.lintFiles(Object.keys(probes).map((f) => path.join(REPO, f)));
    });
    const fired = Object.fromEntries(
      results.map((r) => [path.basename(r.filePath).replace(`${PROBE}-`, ''), r.messages.map((m) => m.message)]),
    );
    const byFile = (file: string) =>
      results.find((r) => r.filePath === path.join(REPO, file))!.messages.map((m) => m.message);
    expect(byFile(`common/${PROBE}-bare.ts`).join()).toMatch(/common\/ is environment-free: no Node builtins/);
    expect(byFile(`common/${PROBE}-node.ts`).join()).toMatch(/common\/ is environment-free/);
    expect(byFile(`renderer/${PROBE}-bare.ts`).join()).toMatch(/The renderer runs in a browser: no Node builtins/);
    expect(fired['exec.ts']!.join()).toMatch(/exec and execSync run a shell/);
    expect(fired['exec-sync.ts']!.join()).toMatch(/exec and execSync run a shell/);
    expect(fired['namespace.ts']!.join()).toMatch(/Import child_process functions by name/);
    expect(fired['shell-string.ts']!.join()).toMatch(/no shell option/);
    expect(fired['shell-variable.ts']!.join()).toMatch(/no shell option/);
    expect(fired['default.ts']!.join()).toMatch(/Named exports only/);
    expect(fired['clean.ts']).toEqual([]);
  }, 300_000);
});

describe('ESLint: no text written in a component', () => {
  // Each probe is a renderer component; only `clean` takes its words from the catalogs.
  const component = (body: string) =>
    `import { useTranslation } from 'react-i18next';\nexport function Probe({ on }: { on: boolean }) {\n  const { t } = useTranslation();\n  return ${body};\n}\n`;
  const probes: Record<string, string> = {
    [`renderer/${PROBE}-text.tsx`]: component('<p>Install the agent</p>'),
    [`renderer/${PROBE}-korean.tsx`]: component('<p>설치</p>'),
    [`renderer/${PROBE}-expression.tsx`]: component("<p>{'Install the agent'}</p>"),
    [`renderer/${PROBE}-conditional.tsx`]: component("<p>{on ? t('install.cancel') : 'Done'}</p>"),
    [`renderer/${PROBE}-attribute.tsx`]: component('<button aria-label="Close" type="button" />'),
    [`renderer/${PROBE}-clean.tsx`]: component(
      "<p className=\"status\" data-testid=\"probe\" aria-label={t('common.close')}>{t('install.cancel')} ({on ? 1 : 2}) ·{' '}</p>",
    ),
  };

  it('fails words in JSX text, string expressions and labelling attributes, in any script; passes catalog text', async () => {
    const results = await withProbeFiles(probes, async () => {
      const eslint = new ESLint({ cwd: REPO });
      return eslint.lintFiles(Object.keys(probes).map((f) => path.join(REPO, f)));
    });
    // Only this rule's messages: the probes leave a parameter or `t` unused on purpose.
    const fired = Object.fromEntries(
      results.map((r) => [
        path.basename(r.filePath).replace(`${PROBE}-`, ''),
        r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message),
      ]),
    );
    for (const name of ['text.tsx', 'korean.tsx', 'expression.tsx', 'conditional.tsx', 'attribute.tsx']) {
      expect(fired[name], name).toEqual([expect.stringMatching(/goes in the catalogs \(renderer\/i18n\/\)/)]);
    }
    expect(fired['clean.tsx']).toEqual([]);
  }, 300_000);
});

describe('knip', () => {
  it('fails a declared dependency that nothing imports, with the repository knip.jsonc', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'knip-probe-'));
    try {
      copyFileSync(path.join(REPO, 'knip.jsonc'), path.join(dir, 'knip.jsonc'));
      copyFileSync(path.join(REPO, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
      symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
      mkdirSync(path.join(dir, 'main/cli'), { recursive: true });
      writeFileSync(path.join(dir, 'main/cli/bin.ts'), "import { Command } from 'commander';\nnew Command('probe');\n");
      const manifest = (deps: Record<string, string>) =>
        writeFileSync(
          path.join(dir, 'package.json'),
          JSON.stringify({ name: 'knip-probe', private: true, dependencies: deps }),
        );
      const knip = () =>
        spawnSync(
          process.execPath,
          [path.join(REPO, 'node_modules/knip/bin/knip.js'), '--no-progress', '--no-config-hints'],
          { cwd: dir, encoding: 'utf8' },
        );

      manifest({ commander: '14.0.3' });
      const clean = knip();
      expect(clean.stdout + clean.stderr).toBe('');
      expect(clean.status).toBe(0);

      manifest({ commander: '14.0.3', ws: '8.23.0' });
      const unused = knip();
      expect(unused.status).not.toBe(0);
      expect(unused.stdout).toMatch(/Unused dependencies \(1\)\s+ws\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
