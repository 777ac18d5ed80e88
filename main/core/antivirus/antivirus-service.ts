import os from 'node:os';
import { UserError } from '../../../common/result';
import { hasControlCharacter } from '../../../common/path-input';
import type { AntivirusChoice, AntivirusFixReport, AntivirusNote, AntivirusReport, FixResult, ScannerFinding } from '../../../common/antivirus';
import { needsAttention } from '../../../common/antivirus';
import { agentFoldersToExclude } from '../../platform/antivirus-folders';
import type { AntivirusProbes, DetectedScanner, FixCommand, FixPlan } from '../../platform/antivirus-probes';
import { selectAntivirusProbes } from '../../platform/select';
import type { OsProfile } from '../../platform/os-profile';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';
import { addClamdExclusions } from './clamd-config-edit';
import { securityTeamRequest } from './request-text';

const FIX_TIMEOUT_MS = 120_000;

const shown = (command: FixCommand) => [command.file, ...command.args].join(' ');

/**
 * A custom install folder ends up inside product configuration (a clamd.conf line): a line break in it would
 * add a line of its own choosing, so control characters and relative paths are refused before anything runs.
 */
export function checkInstallDir(installDir: string | undefined, profile: Pick<OsProfile, 'isAbsolute'>): void {
  if (installDir === undefined) return;
  if (!profile.isAbsolute(installDir) || hasControlCharacter(installDir)) {
    throw new UserError('antivirus.installDirInvalid', 'The install folder must be an absolute path without control characters (line breaks, tabs).', 'Give the folder the agent is (or will be) installed in, e.g. /usr/local/ASR.');
  }
}

/**
 * The anti-virus exclusion check: which scanners are on this machine, whether the agent's folders are
 * excluded from each, and the fixes Mobility Setup can apply itself (ClamAV, mdatp, Defender). A check
 * publishes an `antivirus` event when it ends, so a screen can show it without waiting for it.
 */
export class AntivirusService {
  private readonly probes: AntivirusProbes | null;
  private cached: { key: string; report: Promise<AntivirusReport> } | null = null;
  private last: AntivirusReport | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly detection: DetectionService,
    probes?: AntivirusProbes | null,
  ) {
    this.probes = probes === undefined ? selectAntivirusProbes(deps) : probes;
  }

  /** The latest finished check of this session, if any. */
  latest(): AntivirusReport | null {
    return this.last;
  }

  check(options: { refresh?: boolean; installDir?: string } = {}): Promise<AntivirusReport> {
    const key = options.installDir ?? '';
    if (this.cached === null || this.cached.key !== key || options.refresh === true) {
      const run = this.run(options.installDir).then(({ report }) => report);
      this.cached = { key, report: run };
      run.catch(() => {
        if (this.cached?.report === run) this.cached = null;
      });
    }
    return this.cached.report;
  }

  /** Applies the automatic fixes for `scannerIds` (all that have one when empty), then checks again. */
  async fix(options: { scannerIds?: string[]; installDir?: string }): Promise<AntivirusFixReport> {
    const before = await this.run(options.installDir);
    const wanted = options.scannerIds && options.scannerIds.length > 0 ? options.scannerIds : before.report.scanners.filter(needsAttention).map((s) => s.id);
    const results: FixResult[] = [];
    for (const id of wanted) results.push(await this.fixOne(id, before, options.installDir));
    const after = await this.check({ refresh: true, ...(options.installDir ? { installDir: options.installDir } : {}) });
    // An add can look successful and be blocked (Defender Tamper Protection, an mdatp managed profile): read back.
    const checked = results.map((result) => {
      if (result.outcome !== 'fixed') return result;
      const now = after.scanners.find((s) => s.id === result.scannerId);
      if (!now || now.status === 'excluded' || now.status === 'notScanning') return result;
      return { ...result, outcome: 'failed' as const, message: `${result.message} But reading the exclusions back does not show the folders as excluded (${now.reason}) A policy (Tamper Protection, a managed profile) may have blocked it: ask the security team.` };
    });
    this.deps.logger.info('anti-virus fix', { results: checked.map((r) => ({ scanner: r.scannerId, outcome: r.outcome, changedFiles: r.changedFiles, commands: r.commands })) });
    return { results: checked, report: after };
  }

  /** What the install summary records about anti-virus for the person's choice on the wizard's step. */
  note(choice: AntivirusChoice | undefined): AntivirusNote {
    const open = (this.last?.scanners ?? []).filter(needsAttention).map((s) => ({ product: s.product, status: s.status }));
    if (this.last === null) return { decision: 'notChecked', openScanners: [] };
    return { decision: choice ?? (open.length === 0 ? 'allExcluded' : 'continuedWithWarning'), openScanners: open };
  }

  private async run(installDir: string | undefined): Promise<{ report: AntivirusReport; detected: DetectedScanner[] }> {
    checkInstallDir(installDir, this.deps.profile);
    const detection = await this.detection.detect();
    const folders = agentFoldersToExclude(this.deps.platform, installDir ?? detection.agent.installDir);
    const detected = this.probes ? await this.probes.findScanners(folders) : [];
    const host = os.hostname();
    const scanners: ScannerFinding[] = detected.map(({ finding }) => ({ ...finding, requestText: securityTeamRequest(finding, host, finding.folders.map((f) => f.folder).length > 0 ? finding.folders.map((f) => f.folder) : folders) }));
    const report: AntivirusReport = { platform: this.deps.platform, folders, scanners, canFix: detection.privileges.elevated, checkedAt: this.deps.clock.now() };
    this.last = report;
    this.deps.events.emit('antivirus', report);
    return { report, detected };
  }

  private async fixOne(id: string, before: { report: AntivirusReport; detected: DetectedScanner[] }, installDir: string | undefined): Promise<FixResult> {
    const result = (outcome: FixResult['outcome'], message: string, extra: Partial<FixResult> = {}): FixResult => ({ scannerId: id, outcome, message, changedFiles: [], backups: [], commands: [], ...extra });
    const scanner = before.detected.find((s) => s.finding.id === id);
    if (!scanner) return result('notFound', `No scanner "${id}" was found on this machine.`);
    const { finding, plan } = scanner;
    if (finding.status === 'excluded' || finding.status === 'notScanning') return result('unchanged', `${finding.product}: nothing to do (${finding.status === 'excluded' ? 'the folders are already excluded' : 'it does not scan in real time'}).`);
    if (plan === null || finding.fix === 'manual') return result('manual', `${finding.product} cannot be changed from this server: follow the manual steps, or send the request to the security team.`);
    if (!before.report.canFix) return result('needsRoot', `Fixing ${finding.product} needs root (Administrator on Windows): run Mobility Setup as root (sudo mobility-setup av-check --fix), or follow the manual steps.`);
    try {
      return await this.apply(id, finding.product, plan, installDir ?? null, before.report.folders);
    } catch (err) {
      const message = err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' ? err.message : 'an unexpected error';
      this.deps.logger.warn('anti-virus fix failed', { scanner: id, error: err instanceof Error ? err.name : typeof err });
      return result('failed', `Fixing ${finding.product} failed: ${message}`);
    }
  }

  private async apply(id: string, product: string, plan: FixPlan, _installDir: string | null, folders: string[]): Promise<FixResult> {
    const { paths, runner } = this.deps;
    if (plan.kind === 'clamdConfig') {
      const edit = await addClamdExclusions(paths.resolve(plan.configPath), folders);
      const base = { scannerId: id, changedFiles: edit.changed ? [plan.configPath] : [], backups: edit.backup ? [paths.toSystem(edit.backup)] : [], commands: [] as string[] };
      if (!edit.changed) return { ...base, outcome: 'unchanged', message: `${plan.configPath} already excludes the folders; nothing was changed.` };
      const addedText = `Added to ${plan.configPath}: ${edit.added.join('; ')}.`;
      if (plan.restart === null) {
        this.deps.logger.info('clamd restart skipped', { service: plan.service, reason: plan.restartSkippedReason });
        return { ...base, outcome: 'fixed', message: `${addedText} ${plan.restartSkippedReason ?? ''}`.trim() };
      }
      // clamd reads its configuration only at start: a reload (SIGUSR2, clamdscan --reload) reloads signatures only.
      const restarted = await runner.run(plan.restart.file, plan.restart.args, { timeoutMs: FIX_TIMEOUT_MS });
      base.commands.push(shown(plan.restart));
      if (restarted.code !== 0) return { ...base, outcome: 'failed', message: `${addedText} But restarting ${plan.service} failed (exit ${restarted.code ?? 'none'}): restart it by hand (systemctl restart ${plan.service}).` };
      return { ...base, outcome: 'fixed', message: `${addedText} ${plan.service} was restarted.` };
    }
    const commands: string[] = [];
    for (const command of plan.commands) {
      const ran = await runner.run(command.file, command.args, { timeoutMs: FIX_TIMEOUT_MS, ...(command.env ? { env: command.env } : {}) });
      commands.push(shown(command));
      const output = `${ran.stdout}\n${ran.stderr}`.trim().split(/\r?\n/).slice(-3).join(' ');
      if (ran.code !== 0 || (command.success && !command.success.test(ran.stdout))) {
        return { scannerId: id, outcome: 'failed', message: `${product} refused the exclusion (exit ${ran.code ?? 'none'}): ${output || 'no output'}`, changedFiles: [], backups: [], commands };
      }
    }
    return { scannerId: id, outcome: 'fixed', message: `${product}: the folders were added to its exclusions.`, changedFiles: [], backups: [], commands };
  }
}
