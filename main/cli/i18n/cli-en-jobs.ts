/**
 * English texts of what install, register and uninstall print while they run (progress on stderr, the prompt,
 * the installer's identity, the upgrade notice); cli-ko-jobs.ts must have every key (tsc checks it).
 */
export const cliEnJobs = {
  // The English line stays "[install] running": scripts and log readers look for it.
  'progress.line': '[{{id}}] {{state}}',
  'step.check': 'Check prerequisites',
  'step.extract': 'Extract the installer',
  'step.install': 'Install the agent',
  'step.register': 'Register with the server',
  'step.uninstall': 'Run the uninstaller',
  'step.verify': 'Verify',
  'step.fix': 'Add the exclusions',
  'step.diagnose': 'Check health and connectivity',
  'step.collect': 'Gather and redact the files',
  'state.pending': 'pending',
  'state.running': 'running',
  'state.done': 'done',
  'state.failed': 'failed',
  'state.skipped': 'skipped',
  'state.cancelled': 'cancelled',
  'job.cancelling': 'Cancelling…',
  'job.nothingChanged': 'Nothing was changed.',
  'job.vendorError': 'Vendor error',
  'job.meaning': 'Meaning',
  'installer.label': 'Installer',
  'installer.sha256': 'SHA-256',
  'installer.line': '{{file}} (version {{version}}), {{owner}}',
  'installer.owner': 'owner {{user}} (uid {{uid}}), mode {{mode}}',
  'installer.noUserName': 'no user name',
  'installer.ownerNotChecked': 'owner not checked on this OS',
  'installer.checksum': '{{sha256}} (checksum file: {{file}}, {{checksum}})',
  'installer.none': 'none',
  'checksum.match': 'match',
  'checksum.absent': 'absent',
  'checksum.mismatch': 'mismatch',
  'upgrade.notice': 'Upgrade from {{from}} to {{to}} (the registration is kept; a restart is recommended after).',
  'upgrade.reminder':
    'Before upgrading: update the configuration server, then the scale-out process servers and the master target ' +
    'servers first; the agent must never be newer than its configuration server. The portal can also update the ' +
    'agent (Replicated items → the server → Agent update).',
  'ask.install': 'Install the Mobility service {{version}} from {{source}}?',
  'ask.installRegister': 'Install the Mobility service {{version}} from {{source}} and register it with {{server}}?',
  'ask.installAppliance':
    'Install the Mobility service {{version}} from {{source}} and register it with the replication appliance?',
  'ask.register': 'Register the Mobility service with {{server}}?',
  'ask.registerAppliance': 'Register the Mobility service with the replication appliance?',
  'ask.uninstall': 'Uninstall the Mobility service? Replication of this server stops (disable it in the portal first).',
} as const;
