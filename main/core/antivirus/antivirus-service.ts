import os from 'node:os';
import { UserError } from '../../../common/result';
import { hasControlCharacter } from '../../../common/path-input';
import type {
  AntivirusChoice,
  AntivirusFixReport,
  AntivirusNote,
  AntivirusReport,
  FixResult,
  ScannerFinding,
} from '../../../common/antivirus';
import { needsAttention } from '../../../common/antivirus';
import { agentFoldersToExclude } from '../../platform/antivirus-folders';
import type { PrivilegeFacts } from '../../../common/detection';
import type { AntivirusProbes, DetectedScanner } from '../../platform/antivirus-probes';
import { selectAntivirusProbes } from '../../platform/select';
import type { OsProfile } from '../../platform/os-profile';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';
import { codedOnly, composeText } from '../../../common/core-text/coded-text';
import type { ComposedText } from '../../../common/core-text/coded-text';
import { antivirusTextsEn } from '../../../common/core-text/antivirus-texts';
import { avText } from '../../platform/antivirus-findings';
import { applyFixPlan, fixMessage } from './apply-fix';
import { securityTeamRequest } from './request-text';

/**
 * Applies one automatic fix with the administrator's rights when this process has none (the elevated helper,
 * which asks for the password). Injected by the composition root: the elevation code lives above this folder.
 */
export interface ElevatedFix {
  available(privileges: PrivilegeFacts): boolean;
  fix(privileges: PrivilegeFacts, request: { scanner: string; installDir: string }): Promise<FixResult>;
}

/**
 * A custom install folder ends up inside product configuration (a clamd.conf line): a line break in it would
 * add a line of its own choosing, so control characters and relative paths are refused before anything runs.
 */
export function checkInstallDir(installDir: string | undefined, profile: Pick<OsProfile, 'isAbsolute'>): void {
  if (installDir === undefined) return;
  if (!profile.isAbsolute(installDir) || hasControlCharacter(installDir)) {
    throw new UserError(
      'antivirus.installDirInvalid',
      'The install folder must be an absolute path without control characters (line breaks, tabs).',
      'Give the folder the agent is (or will be) installed in, e.g. /usr/local/ASR.',
    );
  }
}

export interface FixOptions {
  scannerIds?: string[];
  installDir?: string;
}

/** A check made for a fix, with the scanners the fix is for. */
export interface PlannedFix extends Checked {
  wanted: string[];
}

interface Checked {
  report: AntivirusReport;
  detected: DetectedScanner[];
  privileges: PrivilegeFacts;
  /** The agent's main folder the folders were made from (what an elevated fix names). */
  agentDir: string;
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
  /** Products fixed in this session, for the install's summary. */
  private readonly fixedProducts = new Set<string>();

  constructor(
    private readonly deps: CoreDeps,
    private readonly detection: DetectionService,
    probes?: AntivirusProbes | null,
    private readonly elevatedFix: ElevatedFix | null = null,
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
  async fix(options: FixOptions): Promise<AntivirusFixReport> {
    const planned = await this.planFix(options);
    const results: FixResult[] = [];
    for (const id of planned.wanted) results.push(await this.fixScanner(id, planned));
    return this.readBack(results, options);
  }

  /** The fix job's first step: a fresh check, and the scanners to fix (`scannerIds`, or all that need it). */
  async planFix(options: FixOptions): Promise<PlannedFix> {
    const before = await this.run(options.installDir);
    const asked = options.scannerIds && options.scannerIds.length > 0 ? options.scannerIds : null;
    return { ...before, wanted: asked ?? before.report.scanners.filter(needsAttention).map((s) => s.id) };
  }

  /** Fixes one scanner: here when this process is root, through the elevated helper when it is not. */
  fixScanner(id: string, planned: PlannedFix): Promise<FixResult> {
    return this.fixOne(id, planned);
  }

  /** The check again after the fixes; an add that does not show when read back is a failure. */
  async readBack(results: readonly FixResult[], options: FixOptions): Promise<AntivirusFixReport> {
    const after = await this.check({
      refresh: true,
      ...(options.installDir ? { installDir: options.installDir } : {}),
    });
    // An add can look successful and be blocked (Defender Tamper Protection, an mdatp managed profile): read back.
    const checked = results.map((result) => {
      if (result.outcome !== 'fixed') return result;
      const now = after.scanners.find((s) => s.id === result.scannerId);
      if (!now || now.status === 'excluded' || now.status === 'notScanning') return result;
      // The reason is quoted in the sentence: front doors say its sentences in their language where it has them.
      const notReadBack = composeText(
        antivirusTextsEn,
        'av.fix.notReadBack',
        { reason: now.reason },
        now.reasonTexts ? { reason: now.reasonTexts } : undefined,
      );
      const { messageTexts, ...rest } = result;
      return {
        ...rest,
        outcome: 'failed' as const,
        message: `${result.message} ${notReadBack.message}`,
        // A message without codes (the elevated helper's lines) stays English as a whole.
        ...(messageTexts ? { messageTexts: [...messageTexts, codedOnly(notReadBack)] } : {}),
      };
    });
    for (const r of checked) {
      const product = after.scanners.find((f) => f.id === r.scannerId)?.product;
      if (r.outcome === 'fixed' && product) this.fixedProducts.add(product);
    }
    this.deps.logger.info('anti-virus fix', {
      results: checked.map((r) => ({
        scanner: r.scannerId,
        outcome: r.outcome,
        changedFiles: r.changedFiles,
        commands: r.commands,
      })),
    });
    return { results: checked, report: after };
  }

  /** What the install summary records about anti-virus for the person's choice on the wizard's step. */
  note(choice: AntivirusChoice | undefined): AntivirusNote {
    const open = (this.last?.scanners ?? [])
      .filter(needsAttention)
      .map((s) => ({ product: s.product, status: s.status }));
    if (this.last === null) return { decision: 'notChecked', openScanners: [] };
    const fixed = [...this.fixedProducts];
    const decision = choice ?? (open.length === 0 ? 'allExcluded' : 'continuedWithWarning');
    return { decision, openScanners: open, ...(fixed.length > 0 ? { fixed } : {}) };
  }

  private async run(installDir: string | undefined): Promise<Checked> {
    checkInstallDir(installDir, this.deps.profile);
    const detection = await this.detection.detect();
    const agentDir = installDir ?? detection.agent.installDir ?? this.deps.profile.defaultInstallDir;
    const folders = agentFoldersToExclude(this.deps.platform, agentDir);
    const detected = this.probes ? await this.probes.findScanners(folders) : [];
    const host = os.hostname();
    const scanners: ScannerFinding[] = detected.map(({ finding }) => ({
      ...finding,
      ...securityTeamRequest(
        finding,
        host,
        finding.folders.map((f) => f.folder).length > 0 ? finding.folders.map((f) => f.folder) : folders,
      ),
    }));
    const { privileges } = detection;
    const canFix = privileges.elevated || (this.elevatedFix?.available(privileges) ?? false);
    const report: AntivirusReport = {
      platform: this.deps.platform,
      folders,
      scanners,
      canFix,
      checkedAt: this.deps.clock.now(),
    };
    this.last = report;
    this.deps.events.emit('antivirus', report);
    return { report, detected, privileges, agentDir };
  }

  private async fixOne(id: string, before: Checked): Promise<FixResult> {
    const result = (outcome: FixResult['outcome'], said: ComposedText): FixResult => ({
      scannerId: id,
      outcome,
      ...fixMessage([said]),
      changedFiles: [],
      backups: [],
      commands: [],
    });
    const scanner = before.detected.find((s) => s.finding.id === id);
    if (!scanner) return result('notFound', avText('av.fix.notFound', { scanner: id }));
    const { finding, plan } = scanner;
    const product = finding.product;
    if (finding.status === 'excluded' || finding.status === 'notScanning')
      return result(
        'unchanged',
        avText(finding.status === 'excluded' ? 'av.fix.alreadyExcluded' : 'av.fix.notScanning', { product }),
      );
    if (plan === null || finding.fix === 'manual') return result('manual', avText('av.fix.manual', { product }));
    if (!before.report.canFix) return result('needsRoot', avText('av.fix.needsRoot', { product }));
    try {
      if (!before.privileges.elevated && this.elevatedFix) {
        // The helper derives the folders from the agent folder again; the others are the vendor's fixed ones.
        return await this.elevatedFix.fix(before.privileges, { scanner: id, installDir: before.agentDir });
      }
      return await applyFixPlan(this.deps, id, finding.product, plan, before.report.folders);
    } catch (err) {
      // A coded error's own text stays as written; anything else is "an unexpected error" (its text may be private).
      const error =
        err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string'
          ? err.message
          : avText('av.word.unexpectedError');
      this.deps.logger.warn('anti-virus fix failed', {
        scanner: id,
        error: err instanceof Error ? err.name : typeof err,
      });
      return result('failed', avText('av.fix.failed', { product, error }));
    }
  }
}
