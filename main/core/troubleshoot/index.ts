/** The Troubleshoot page's methods: the findings, the log viewer's reads, and the bundle (prepare → save). */
import type { Handlers } from '../../api/dispatch';
import type { CoreDeps } from '../core-deps';
import type { AntivirusService } from '../antivirus/antivirus-service';
import type { DetectionService } from '../detect/detection-service';
import { bundleFileName, createBundleStore } from './bundle-store';
import type { BundleArchives } from './bundle-store';
import type { PreparedBundle } from '../../../common/troubleshoot';
import { jobEndingError } from '../jobs/run-job';
import type { RunJob } from '../jobs/run-job';
import { createRootFiles } from '../../platform/root-files';
import type { StagedBundle } from './bundle';
import { diagnosticsBundleJob } from './bundle-job';
import { systemFactsWithin } from './system-facts';
import { runDiagnosis } from './diagnosis';
import { createLogAccess } from './log-access';
import { TroubleshootService } from './troubleshoot-service';
import type { TroubleshootMethod } from '../../../common/troubleshoot-methods';

type TroubleshootMethods = TroubleshootMethod;

export interface JobLogSources {
  jobLogFiles: () => Set<string>;
  knownSecrets: () => string[];
}

export function createTroubleshootHandlers(
  deps: CoreDeps,
  detection: DetectionService,
  antivirus: AntivirusService,
  jobLogs: JobLogSources,
  runJob: RunJob,
): Pick<Handlers, TroubleshootMethods> & { archives: BundleArchives; dispose: () => Promise<void> } {
  const service = new TroubleshootService(deps, detection, antivirus);
  const troubleshootLogs = () => {
    const files = [...service.vendorLogFiles(), service.appLogFile];
    return files.map((file) => ({ file, shown: service.toSystem(file) }));
  };
  const logs = createLogAccess({ ...jobLogs, troubleshootLogs });
  const bundles = createBundleStore();
  const systemFacts = () => systemFactsWithin(createRootFiles(deps.paths));
  return {
    diagnose: async ({ expectedServer }) => {
      const run = await runDiagnosis(service, { expectedServer: expectedServer ?? null });
      return { diagnosis: run.diagnosis, logs: await logs.listed() };
    },
    readLogLines: ({ path, from, count }) => logs.window(path, from ?? null, count),
    searchLog: ({ path, query, errors }) => logs.search(path, query ?? '', errors === true),
    prepareBundle: async ({ expectedServer }) => {
      let prepared: PreparedBundle | null = null;
      const keep = (staged: StagedBundle) => (prepared = bundles.keep(staged));
      // The same bundle wherever it is made (the page, `diagnose --out`): the system facts are in it too.
      const job = diagnosticsBundleJob(service, jobLogs.knownSecrets, keep, systemFacts);
      const ended = await runJob(job, { expectedServer: expectedServer ?? null });
      if (prepared !== null) return prepared;
      throw jobEndingError(ended, 'The diagnostics bundle ended without its files.');
    },
    saveBundle: ({ bundleId, path }) => bundles.save(bundleId, path),
    saveBundleWithDialog: ({ bundleId, language }) => {
      const desktop = deps.desktop;
      const choose = desktop ? (name: string) => desktop.chooseSaveFile(name, language ?? 'en') : null;
      return bundles.saveWithDialog(bundleId, choose, bundleFileName(deps.clock.now()));
    },
    discardBundle: ({ bundleId }) => bundles.discard(bundleId),
    archives: { archive: (bundleId) => bundles.archive(bundleId) },
    dispose: () => bundles.dispose(),
  };
}
