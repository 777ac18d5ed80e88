/**
 * English texts for the core's codes (flat keys: codes contain dots). Every code of the registry
 * (common/error-codes.ts) has one, or tsc and a test fail. Where the core's own message names what it found
 * (a path, a version, a list) and sends no params for it, the English text is that message (CORE_MESSAGE);
 * a translation gives its own, more general text there. Hints fall back to the core's on purpose.
 * The texts themselves live in en-code-texts.ts and en-exit-codes.ts, which the renderer loads apart (the first
 * screen bundles only the former, and none of the CORE_MESSAGE entries, whose text is the core's message anyway).
 */
import type { ErrorCode } from '../error-codes';
import { enCodeHints, enCodeTexts } from './en-code-texts';
import { enExitCodeHints, enExitCodeTexts } from './en-exit-codes';

/** The core's own English message (describe-error.ts passes it as `coreMessage`). */
export const CORE_MESSAGE = '{{coreMessage}}';

const CORE_WORDED = [
  'internal',
  'install.succeeded',
  'install.nothingToDo',
  'register.succeeded',
  'register.nothingToDo',
  'platform.unsupported',
  'install.unsupported',
  'installer.ambiguous',
  'installer.checksumMismatch',
  'installer.changed',
  'installer.unreadable',
  'installer.untrusted',
  'installer.signature',
  'extract.unsafe',
  'extract.tooLarge',
  'extract.notFound',
  'extract.corrupt',
  'extract.failed',
  'install.serverUnreachable',
  'install.notElevated',
  'elevation.noPolkitAgent',
  'elevation.noCommand',
  'elevation.failed',
  'elevation.unsafeCommand',
  'install.diskSpace',
  'verify.version',
  'verify.notRegistered',
  'register.notInstalled',
  'install.timeout',
  'register.timeout',
  'uninstall.succeeded',
  'uninstall.nothingToDo',
  'uninstall.leftovers',
  'uninstall.timeout',
  'installDir.notAbsolute',
  'installDir.unsafe',
  'installDir.invalid',
  'path.empty',
  'path.controlCharacter',
  'path.tooLong',
  'api.invalidRequest',
  'api.unknownMethod',
  'secret.unsafeBase',
  'secret.badName',
  'log.notAllowed',
  'log.missing',
  'log.openUnavailable',
  'antivirus.installDirInvalid',
  'antivirus.configNotAFile',
  'helper.failed',
  'helper.endpoint',
  'helper.installDir',
  'helper.installerFile',
  'helper.internal',
  'helper.outputFile',
  'helper.platform',
  'helper.requestDir',
  'helper.requestFile',
  'helper.requestInvalid',
  'helper.requestPath',
  'helper.requestUnreadable',
  'helper.requester',
  'helper.sandboxRoot',
  'helper.uninstaller',
  'helper.notInstalled',
  'helper.secretFile',
  'helper.workBase',
  'web.listenFailed',
  'web.portInUse',
  'web.rendererMissing',
  'exit.signal',
  'exit.unknown',
  'job.busy',
  'job.lockUnsafe',
  'job.lockStuck',
  'journal.unsafe',
  'bundle.exists',
  'bundle.cannotWrite',
  'install.downgrade',
  'install.upgradeSteps',
] as const satisfies readonly ErrorCode[];

/** Messages by core code (flat keys: codes contain dots); other keys are the renderer's own (transport, checks). */
export const enCodes = {
  ...(Object.fromEntries(CORE_WORDED.map((code) => [code, CORE_MESSAGE])) as Record<
    (typeof CORE_WORDED)[number],
    string
  >),
  ...enCodeTexts,
  ...enExitCodeTexts,
} satisfies Record<ErrorCode, string> & Record<string, string>;

/** Next steps by core code; '' means "no hint" even when the core sends one. */
export const enHints = { ...enCodeHints, ...enExitCodeHints } satisfies Record<string, string>;
