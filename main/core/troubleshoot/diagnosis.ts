/**
 * One troubleshooting run, as `mobility-setup diagnose` and the Troubleshoot page ask for it: health, the
 * connectivity test (to the server the person names, else the one the agent points to), push-install readiness,
 * and the files a diagnostics bundle is made of.
 */
import { existsSync } from 'node:fs';
import type { AntivirusReport } from '../../../common/antivirus';
import type { Diagnosis, SystemFacts } from '../../../common/troubleshoot';
import type { BundleInputs } from './bundle';
import { formatHealthText } from './health-report';
import type { TroubleshootService } from './troubleshoot-service';

export interface DiagnosisRun {
  diagnosis: Diagnosis;
  antivirus: AntivirusReport | null;
}

export async function runDiagnosis(
  service: TroubleshootService,
  options: { expectedServer: string | null; systemFacts?: () => Promise<SystemFacts | null> },
): Promise<DiagnosisRun> {
  const [{ health, antivirus }, pushReadiness, systemFacts] = await Promise.all([
    service.health(options.expectedServer),
    service.pushReadiness(),
    options.systemFacts ? options.systemFacts() : Promise.resolve(null),
  ]);
  const target = options.expectedServer ?? (await service.agentServer());
  const connectivity = target ? await service.connectivity(target) : null;
  const vendorLogs = service.vendorLogFiles().map((file) => service.toSystem(file));
  return { diagnosis: { health, connectivity, pushReadiness, vendorLogs, systemFacts }, antivirus };
}

/** What goes into the bundle for a run: reports as JSON, the health text, the vendor logs and the app's own log. */
export function bundleInputsFor(
  service: TroubleshootService,
  run: DiagnosisRun,
  secrets: readonly string[] = [],
): BundleInputs {
  const { diagnosis } = run;
  const reports: Record<string, unknown> = { 'health.json': diagnosis.health };
  if (diagnosis.connectivity) reports['connectivity.json'] = diagnosis.connectivity;
  if (run.antivirus) reports['antivirus.json'] = run.antivirus;
  reports['push-readiness.json'] = diagnosis.pushReadiness;
  if (diagnosis.systemFacts) reports['system-facts.json'] = diagnosis.systemFacts;
  const logs = service.vendorLogFiles().map((file) => ({ file, source: service.toSystem(file) }));
  const appLog = service.appLogFile;
  if (existsSync(appLog)) logs.push({ file: appLog, source: service.toSystem(appLog) });
  return { reports, texts: { 'health.txt': formatHealthText(diagnosis.health) }, logs, secrets };
}
