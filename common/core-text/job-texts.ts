/**
 * What the machine is like after a job stopped (failed, cancelled, timed out), in English: each job kind's
 * statement for the step it stopped in, and the statement read back from the agent afterwards (install,
 * register). Korean: job-texts-ko.ts. Paths, versions, servers and commands travel as params.
 *
 * The statements read from the agent are one sentence built from three parts (where it is installed, which
 * version, how it is registered); each combination has its own code, made below from each language's parts,
 * so a language can put the parts where its grammar wants them.
 */

/** The parts of the statements read back from the agent, and which of each the agent showed. */
export type AgentWhere = 'in' | 'nowhere';
export type AgentVersion = 'known' | 'unknown';
export type AgentRegistration = 'with' | 'withSome' | 'not' | 'unknown';

type Registered = Extract<AgentRegistration, 'with' | 'withSome'>;
type Unregistered = Exclude<AgentRegistration, Registered>;

export type AgentStatementCode =
  | `stopped.agent.upgradeUnfinished.${AgentWhere}.${AgentRegistration}`
  | `stopped.agent.incomplete.${AgentVersion}.${AgentWhere}.${AgentRegistration}`
  | `stopped.agent.stillRegistered.${AgentVersion}.${AgentWhere}.${Registered}`
  | `stopped.agent.notRegistered.${AgentVersion}.${AgentWhere}.${Unregistered}`;

/** One language's parts: each is put into its sentence as it is ({{name}} placeholders stay for the params). */
export interface AgentStatementParts {
  where: Record<AgentWhere, string>;
  version: Record<AgentVersion, string>;
  registration: Record<AgentRegistration, string>;
  upgradeUnfinished(where: string, registration: string): string;
  incomplete(version: string, where: string, registration: string): string;
  stillRegistered(version: string, where: string, registration: string): string;
  notRegistered(version: string, where: string, registration: string): string;
}

const WHERE: readonly AgentWhere[] = ['in', 'nowhere'];
const VERSION: readonly AgentVersion[] = ['known', 'unknown'];
const REGISTRATION: readonly AgentRegistration[] = ['with', 'withSome', 'not', 'unknown'];
const REGISTERED: readonly Registered[] = ['with', 'withSome'];
const UNREGISTERED: readonly Unregistered[] = ['not', 'unknown'];

/** Every combination's template in one language. */
export function agentStatementTemplates(parts: AgentStatementParts): Record<AgentStatementCode, string> {
  const out: Record<string, string> = {};
  for (const w of WHERE) {
    for (const r of REGISTRATION)
      out[`stopped.agent.upgradeUnfinished.${w}.${r}`] = parts.upgradeUnfinished(parts.where[w], parts.registration[r]);
    for (const v of VERSION) {
      const [version, where] = [parts.version[v], parts.where[w]];
      for (const r of REGISTRATION)
        out[`stopped.agent.incomplete.${v}.${w}.${r}`] = parts.incomplete(version, where, parts.registration[r]);
      for (const r of REGISTERED)
        out[`stopped.agent.stillRegistered.${v}.${w}.${r}`] = parts.stillRegistered(
          version,
          where,
          parts.registration[r],
        );
      for (const r of UNREGISTERED)
        out[`stopped.agent.notRegistered.${v}.${w}.${r}`] = parts.notRegistered(version, where, parts.registration[r]);
    }
  }
  return out;
}

const RUN_AGAIN_OR_UNINSTALL = 'Run the install again, or uninstall it ({{uninstallHint}}).';

const agentStatementsEn = agentStatementTemplates({
  where: { in: ' in {{installDir}}', nowhere: '' },
  version: { known: '{{version}}', unknown: 'of an unknown version' },
  registration: {
    with: 'registered with {{server}}',
    withSome: 'registered with a configuration server',
    not: 'not registered',
    unknown: 'of unknown registration state',
  },
  upgradeUnfinished: (where, registration) =>
    `The upgrade did not finish: the Mobility service {{version}} is still installed${where} and ${registration}. ${RUN_AGAIN_OR_UNINSTALL}`,
  incomplete: (version, where, registration) =>
    `The Mobility service ${version} is installed${where} but may be incomplete, and it is ${registration}. ${RUN_AGAIN_OR_UNINSTALL}`,
  stillRegistered: (version, where, registration) =>
    `The Mobility service ${version} is installed${where} and still ${registration}.`,
  notRegistered: (version, where, registration) =>
    `The Mobility service ${version} is installed${where} and ${registration}: register it again (mobility-setup register …, or Register only in the wizard).`,
});

export const jobTextsEn = {
  'stopped.nothingChanged': 'Nothing was changed on this machine.',
  'stopped.nothingInstalled': 'Nothing was installed.',
  'stopped.nothingRemoved': 'Nothing was removed.',
  'stopped.installerRefused': 'The installer refused before changing anything on this machine.',
  'stopped.privateCopyRemoved': 'Nothing was installed; the private copy of the installer was removed.',
  'stopped.extractRemoved': 'Nothing was installed; the temporary folder with the extracted installer was removed.',
  'stopped.install.partly':
    'The agent may be partly installed in {{installDir}}: run the install again, or uninstall it ({{uninstallHint}}).',
  'stopped.install.upgradePartly':
    'The upgrade may be partly done: the agent in {{installDir}} may not work until you run the install again (or uninstall it: {{uninstallHint}}).',
  'stopped.register.notRegistered': 'The agent is installed but not registered.',
  'stopped.register.again':
    'The agent is installed but not registered: register it again (mobility-setup register …, or Register in the wizard).',
  'stopped.uninstall.partly':
    'The agent in {{installDir}} may be partly removed: read the log, then run the uninstall again.',
  'stopped.uninstall.partlyRemoved': 'The agent is partly removed: replication from this server has stopped.',
  'stopped.verify.unconfirmed':
    'The vendor tools reported success, but the agent state does not confirm it: read the logs, then run the install again.',
  'stopped.agent.notInstalled': 'The Mobility service is not installed on this machine.',
  'stopped.agent.installerStopped':
    'The Mobility service is not installed: the installer stopped before it finished. Run the install again when the cause is fixed.',
  'stopped.antivirus.nothingChanged': 'Nothing was changed.',
  'stopped.antivirus.othersInPlace': 'The other fixes are in place; the check after them shows each scanner.',
  'stopped.antivirus.fixedBefore':
    'Fixed before it stopped: {{fixed}}. Check again (mobility-setup av-check) to see each scanner.',
  'stopped.bundle.nothingWritten':
    'Nothing on this machine was changed and no bundle file was written; the files gathered so far were removed.',
  ...agentStatementsEn,
} as const;

export type JobTextCode = keyof typeof jobTextsEn;
