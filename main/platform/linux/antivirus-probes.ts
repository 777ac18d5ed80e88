import type { FolderVerdict } from '../../../common/antivirus';
import { codedOnly } from '../../../common/core-text/coded-text';
import type { CodedText, ComposedText } from '../../../common/core-text/coded-text';
import type { PlatformDeps } from '../platform-deps';
import {
  avText,
  consoleProductFinding,
  exitPart,
  joinedWithAnd,
  reasonFrom,
  statusFromVerdicts,
  stepsFrom,
  unknownVerdicts,
  verdictTexts,
} from '../antivirus-findings';
import type { AntivirusProbes, DetectedScanner, FixCommand } from '../antivirus-probes';
import type { ConsoleProduct } from '../antivirus-product-table';
import { POSIX_STYLE, wildcardCovers } from '../antivirus-wildcard';
import type { RootFiles } from '../root-files';
import {
  CLAMD_CONFIG_CANDIDATES,
  CLAMD_CONFIG_DIR,
  clamdFolderVerdicts,
  clamdServiceFor,
  configFromCmdline,
  excludePathLine,
  parseClamdConf,
} from './antivirus-clamav';
import {
  MDATP_INSTALL_DIR,
  MDATP_MANAGED_CONFIG,
  MDATP_PATHS,
  managedExclusions,
  managedMergePolicy,
  mdatpAddFolderArgs,
  mdatpExclusionListArgs,
  mdatpRealTimeArgs,
  parseMdatpExclusionJson,
  parseMdatpExclusionText,
  parseMdatpFlag,
  MDATP_ADD_SUCCESS,
} from './antivirus-mdatp';
import type { MdatpExclusion } from './antivirus-mdatp';
import {
  CLAMAV_PROCESSES,
  CLAMAV_SERVICES,
  LINUX_CONSOLE_PRODUCTS,
  MDATP_PROCESSES,
  SYSTEMD_UNIT_DIRS,
} from './antivirus-products';
import { runningProcesses } from './process-scan';
import type { RunningProcess } from './process-scan';

const SYSTEMCTL_PATHS = ['/usr/bin/systemctl', '/bin/systemctl'];
const TOOL_TIMEOUT_MS = 30_000;

/** The overall status from per-folder verdicts. */
interface Seen {
  processes: RunningProcess[];
  units: Set<string>;
}

export function createLinuxAntivirusProbes(deps: PlatformDeps, files: RootFiles): AntivirusProbes {
  const hasProcess = (seen: Seen, names: readonly string[]) =>
    seen.processes.some((p) => p.names.some((n) => names.includes(n)));
  const firstExisting = async (candidates: readonly string[]) => {
    for (const candidate of candidates) if (await files.exists(candidate)) return candidate;
    return null;
  };
  const unitsPresent = async (names: readonly string[]): Promise<Set<string>> => {
    const present = new Set<string>();
    await Promise.all(
      names.flatMap((name) =>
        SYSTEMD_UNIT_DIRS.map(async (dir) => {
          // clamd@scan comes from the template unit clamd@.service.
          const unit = name.includes('@') ? `${name.slice(0, name.indexOf('@') + 1)}.service` : `${name}.service`;
          if (await files.exists(`${dir}/${unit}`)) present.add(name);
        }),
      ),
    );
    return present;
  };
  /** A tool run from under the root prefix: in a sandbox root only a tool placed there runs, never the real one. */
  const toolPath = (systemPath: string) => deps.paths.resolve(systemPath);

  async function systemctlRestart(
    service: string,
  ): Promise<{ restart: FixCommand | null; skipped: string | null; skippedText: CodedText | null }> {
    const found = await firstExisting(SYSTEMCTL_PATHS);
    if (found)
      return { restart: { file: toolPath(found), args: ['restart', service] }, skipped: null, skippedText: null };
    const skipped = deps.paths.isSandbox
      ? avText('av.clamav.restartSkipped.sandbox', { root: deps.paths.root, service })
      : avText('av.clamav.restartSkipped.noSystemctl', { service });
    return { restart: null, skipped: skipped.message, skippedText: codedOnly(skipped) };
  }

  async function clamav(seen: Seen, folders: readonly string[]): Promise<DetectedScanner | null> {
    const clamd = seen.processes.find((p) => p.names.includes('clamd'));
    const fromCmdline = clamd ? configFromCmdline(clamd.argv) : null;
    const dropIns = (await files.listDir(CLAMD_CONFIG_DIR))
      .filter((f) => f.endsWith('.conf'))
      .map((f) => `${CLAMD_CONFIG_DIR}/${f}`);
    const configPath =
      (fromCmdline && (await files.exists(fromCmdline)) ? fromCmdline : null) ??
      (await firstExisting([...CLAMD_CONFIG_CANDIDATES, ...dropIns]));
    const running = CLAMAV_PROCESSES.filter((name) => hasProcess(seen, [name]));
    const units = CLAMAV_SERVICES.filter((name) => seen.units.has(name));
    if (configPath === null && running.length === 0) return null;
    const evidence = [
      ...(configPath ? [configPath] : []),
      ...running.map((n) => `process ${n}`),
      ...units.map((n) => `service ${n}`),
    ];
    const base = { id: 'clamav', product: 'ClamAV', evidence, fix: 'automatic' as const };
    if (configPath === null) {
      return {
        finding: {
          ...base,
          status: 'cannotTell',
          ...reasonFrom([avText('av.clamav.noConfig')]),
          folders: unknownVerdicts(folders),
          exclusions: [],
          fix: 'manual',
          ...stepsFrom([avText('av.clamav.steps.findConfig', { lines: joinedWithAnd(folders.map(excludePathLine)) })]),
        },
        plan: null,
      };
    }
    const config = parseClamdConf((await files.readText(configPath)) ?? '');
    const verdicts = clamdFolderVerdicts(config, folders);
    const service = clamdServiceFor(configPath);
    const notes: ComposedText[] = [];
    if (config.hasExampleLine) notes.push(avText('av.clamav.exampleLine', { configPath }));
    if (running.length === 0) notes.push(avText('av.clamav.notRunning'));
    const restart = await systemctlRestart(service);
    return {
      finding: {
        ...base,
        status: statusFromVerdicts(verdicts),
        ...reasonFrom([...verdictTexts(verdicts), ...notes]),
        folders: verdicts,
        exclusions: [
          ...config.excludePaths.map((o) => `ExcludePath ${o.value}`),
          ...config.onAccessExcludePaths.map((o) => `OnAccessExcludePath ${o.value}`),
        ],
        ...stepsFrom([
          avText('av.clamav.steps.add', {
            configPath,
            lines: folders.map(excludePathLine).join(' ; '),
          }),
          avText('av.clamav.steps.restart', {
            services: `${service}${units.includes('clamav-clamonacc') ? ' clamav-clamonacc' : ''}`,
          }),
        ]),
      },
      plan: {
        kind: 'clamdConfig',
        configPath,
        service,
        restart: restart.restart,
        restartSkippedReason: restart.skipped,
        restartSkippedText: restart.skippedText,
      },
    };
  }

  async function mdatp(seen: Seen, folders: readonly string[]): Promise<DetectedScanner | null> {
    const tool = await firstExisting(MDATP_PATHS.slice(0, 1));
    const installed = await files.exists(MDATP_INSTALL_DIR);
    const running = hasProcess(seen, MDATP_PROCESSES);
    if (!tool && !installed && !running) return null;
    const evidence = [
      ...(tool ? [tool] : []),
      ...(installed ? [MDATP_INSTALL_DIR] : []),
      ...(running ? ['process wdavdaemon'] : []),
    ];
    const folderArgs = folders.map((f) => `${f}/`);
    const steps = stepsFrom([
      avText('av.mdatp.steps.add', {
        commands: folderArgs.map((f) => `mdatp exclusion folder add --path ${f} --scope global`).join(' ; '),
      }),
      avText('av.mdatp.steps.managed'),
    ]);
    const base = {
      id: 'mdatp',
      product: 'Microsoft Defender for Endpoint',
      evidence,
      fix: 'automatic' as const,
      ...steps,
    };
    if (!tool)
      return {
        finding: {
          ...base,
          status: 'cannotTell',
          ...reasonFrom([avText('av.mdatp.noTool')]),
          folders: unknownVerdicts(folders),
          exclusions: [],
          fix: 'manual',
        },
        plan: null,
      };
    const file = toolPath(tool);
    const [health, list, managedText] = await Promise.all([
      deps.runner.run(file, mdatpRealTimeArgs(), { timeoutMs: TOOL_TIMEOUT_MS }),
      deps.runner.run(file, mdatpExclusionListArgs(), { timeoutMs: TOOL_TIMEOUT_MS }),
      files.readText(MDATP_MANAGED_CONFIG),
    ]);
    const realTime = parseMdatpFlag(health.stdout);
    const policy = managedMergePolicy(managedText);
    const local: MdatpExclusion[] | null =
      list.code === 0 ? (parseMdatpExclusionJson(list.stdout) ?? parseMdatpExclusionText(list.stdout)) : null;
    const managed = managedExclusions(managedText);
    // admin_only: what is added on the machine does not apply; only the managed list counts.
    const effective = [
      ...managed,
      ...(policy === 'admin_only' ? (local ?? []).filter((e) => e.managed) : (local ?? [])),
    ];
    const exclusions = effective
      .filter((e) => e.kind === 'folder' || e.kind === 'file')
      .map((e) => `${e.value}${e.managed ? ' [managed]' : ''}`);
    const plan =
      policy === 'admin_only'
        ? null
        : {
            kind: 'commands' as const,
            commands: folders.map((f) => ({ file, args: mdatpAddFolderArgs(f), success: MDATP_ADD_SUCCESS })),
          };
    const fix = policy === 'admin_only' ? ('manual' as const) : ('automatic' as const);
    if (realTime.value === false) {
      return {
        finding: {
          ...base,
          fix,
          status: 'notScanning',
          ...reasonFrom([avText(realTime.managed ? 'av.mdatp.realTimeOffManaged' : 'av.realTimeOff')]),
          folders: unknownVerdicts(folders),
          exclusions,
        },
        plan,
      };
    }
    if (local === null && managed.length === 0) {
      return {
        finding: {
          ...base,
          fix,
          status: 'cannotTell',
          ...reasonFrom([avText('av.mdatp.listFailed', { exit: exitPart(list.code) })]),
          folders: unknownVerdicts(folders),
          exclusions,
        },
        plan,
      };
    }
    const verdicts = folders.map((folder): FolderVerdict => {
      let best: FolderVerdict = { folder, covered: 'no', by: null };
      for (const e of effective.filter((x) => x.kind === 'folder' || x.kind === 'file')) {
        const covered = wildcardCovers(e.value, folder, POSIX_STYLE);
        if (covered === 'yes') return { folder, covered, by: e.value };
        if (covered === 'partly') best = { folder, covered, by: e.value };
      }
      return best;
    });
    const notes = policy === 'admin_only' ? [avText('av.mdatp.adminOnly')] : [];
    return {
      finding: {
        ...base,
        fix,
        status: statusFromVerdicts(verdicts),
        ...reasonFrom([...verdictTexts(verdicts), ...notes]),
        folders: verdicts,
        exclusions,
      },
      plan,
    };
  }

  async function consoleProduct(
    seen: Seen,
    product: ConsoleProduct,
    folders: readonly string[],
  ): Promise<DetectedScanner | null> {
    const paths = (await Promise.all(product.paths.map(async (p) => ((await files.exists(p)) ? p : null)))).filter(
      (p): p is string => p !== null,
    );
    const processes = product.processes.filter((name) => hasProcess(seen, [name]));
    const units = product.services.filter((name) => seen.units.has(name));
    if (paths.length === 0 && processes.length === 0 && units.length === 0) return null;
    return consoleProductFinding(
      product,
      [...paths.slice(0, 1), ...processes.map((n) => `process ${n}`), ...units.map((n) => `service ${n}`)],
      folders,
    );
  }

  return {
    async findScanners(folders) {
      const [processes, units] = await Promise.all([
        runningProcesses(files),
        unitsPresent([...CLAMAV_SERVICES, ...LINUX_CONSOLE_PRODUCTS.flatMap((p) => p.services)]),
      ]);
      const seen: Seen = { processes, units };
      const found = await Promise.all([
        clamav(seen, folders),
        mdatp(seen, folders),
        ...LINUX_CONSOLE_PRODUCTS.map((p) => consoleProduct(seen, p, folders)),
      ]);
      return found.filter((s): s is DetectedScanner => s !== null);
    },
  };
}
