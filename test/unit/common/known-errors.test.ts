/**
 * Each known-error pattern against log excerpts shaped like the vendor's: the Linux ua_install.log
 * ("<time> <component>: <line>"), the Windows ASRUnifiedAgentConfigurator.log, and curl's own wordings
 * (old and new). A pattern that stops matching its excerpt fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FirstErrorTracker,
  KNOWN_ERRORS,
  explainLine,
  findFirstError,
  isErrorLine,
} from '../../../common/known-errors';

const linux = (component: string, line: string) => `2026-11-30 14:02:11.512 ${component}: ${line}`;
const windows = (line: string) => `[11/30/2026 14:02:11] ${line}`;

const EXCERPTS: [id: string, line: string][] = [
  ['curl7', linux('configurator', "ERROR: curl error (7) Couldn't connect to server while contacting 10.0.0.5:443.")],
  ['curl7', windows('CURL error: (7) Failed to connect to 10.0.0.5 port 443 after 2003 ms: Connection refused')],
  [
    'curl60',
    linux('configurator', 'ERROR: curl error (60) Peer certificate cannot be authenticated with given CA certificates'),
  ],
  ['curl60', windows('(60) SSL certificate problem: certificate has expired')],
  [
    'curl6',
    linux('configurator', "ERROR: curl error (6) Couldn't resolve host name while contacting cs.contoso.local:443."),
  ],
  ['curl6', windows('(6) Could not resolve host: cs.contoso.local')],
  ['curl28', linux('configurator', 'ERROR: curl error (28) Connection timed out after 30001 milliseconds')],
  ['curl35', windows('(35) SSL connect error: schannel: next InitializeSecurityContext failed')],
  [
    'kernel',
    linux(
      'install',
      "This version of mobility service doesn't support the operating system kernel version 6.8.0-1012-azure.",
    ),
  ],
  [
    'differentServer',
    linux(
      'configurator',
      'ERROR: The agent is already registered with configuration server 10.0.0.9:443, not 10.0.0.5:443.',
    ),
  ],
  ['differentServer', windows('Agent is configured to a different configuration server. Exit code 13')],
  [
    'differentServer',
    linux('configurator', 'Agent configuration failed with exit code 13. Details: /var/log/ua_install.log'),
  ],
  [
    'passphrase',
    linux(
      'configurator',
      'ERROR: Invalid passphrase or CS endpoint: the server at 10.0.0.5:443 refused the registration.',
    ),
  ],
  ['passphrase', windows('UnifiedAgentConfigurator.exe returned exit code 14')],
  ['unsupportedOs', windows('This operating system is not supported. Installer exit code 42')],
  ['unsupportedOs', linux('install', 'Installation failed with exit code 42. Details: /var/log/ua_install.log')],
  ['rebootPending', windows('A system restart is pending on this machine. Restart and run the setup again.')],
  ['rebootPending', windows('UnifiedAgent.exe exit code 62')],
  ['anotherInstance', windows('Another instance of the installer is running.')],
  ['notRoot', linux('install', 'ERROR: This installer must be run as root.')],
  ['vss', windows('VSS provider call failed with error 0x800706BE')],
  ['upgradeUnsupported', linux('install', 'ERROR: Upgrade from 9.50.0.0 to 9.65.0.0 is not supported.')],
  [
    'downgrade',
    linux('install', 'ERROR: Downgrade is not supported: version 9.66.0.0 is installed and this package is 9.65.0.0.'),
  ],
];

describe('known-error table', () => {
  it.each(EXCERPTS)('explains %s: %s', (id, line) => {
    expect(explainLine(line)?.id).toBe(id);
    expect(isErrorLine(line)).toBe(true);
  });

  it('has an excerpt here for every entry, unique ids, and a meaning and an action for each', () => {
    const covered = new Set(EXCERPTS.map(([id]) => id));
    for (const entry of KNOWN_ERRORS) {
      expect(covered.has(entry.id), entry.id).toBe(true);
      expect(entry.meaning.length).toBeGreaterThan(20);
      expect(entry.action.length).toBeGreaterThan(20);
    }
    expect(new Set(KNOWN_ERRORS.map((e) => e.id)).size).toBe(KNOWN_ERRORS.length);
  });

  it.each([
    linux('install', 'Installation completed successfully.'),
    linux('install', 'Checking prerequisites...'),
    linux('install', 'Build finished with 0 errors.'),
    linux('install', 'Installing component file 13 of 42'),
    windows('Exit code 0'),
  ])('does not explain or flag an ordinary line: %s', (line) => {
    expect(explainLine(line)).toBeNull();
    expect(isErrorLine(line)).toBe(false);
  });
});

describe('findFirstError', () => {
  it('returns the first error line the vendor wrote and the explanation from the line that says why', () => {
    const log = [
      linux('configurator', 'Registering the Mobility service with configuration server 10.0.0.5:443 (classic).'),
      linux('configurator', "ERROR: curl error (7) Couldn't connect to server while contacting 10.0.0.5:443."),
      linux('configurator', 'Check that the server is reachable on port 443 and its certificate is valid.'),
      linux('configurator', 'Agent configuration failed with exit code 1. Details: /var/log/ua_install.log'),
    ];
    const first = findFirstError(log);
    expect(first).toMatchObject({ index: 1, explanation: { id: 'curl7' } });
    expect(first?.line).toContain("(7) Couldn't connect to server");
  });

  it('keeps the first error line and explains it from a later line when the first is generic', () => {
    const log = [
      windows('Starting configuration'),
      windows('ERROR: Registration failed.'),
      windows('(60) Peer certificate cannot be authenticated with given CA certificates'),
    ];
    expect(findFirstError(log)).toMatchObject({
      index: 1,
      line: windows('ERROR: Registration failed.'),
      explanation: { id: 'curl60' },
    });
  });

  it('returns an unexplained first error, and null for a clean log', () => {
    expect(findFirstError([linux('install', 'ERROR: something new went wrong')])).toMatchObject({
      index: 0,
      explanation: null,
    });
    expect(findFirstError([linux('install', 'Installation completed successfully.')])).toBeNull();
  });

  it('FirstErrorTracker agrees with findFirstError line by line', () => {
    const log = EXCERPTS.map(([, line]) => line).reverse();
    const tracker = new FirstErrorTracker();
    for (const line of ['ok', ...log]) tracker.push(line);
    expect(tracker.result).toEqual({ ...findFirstError(['ok', ...log]) });
  });

  it('FirstErrorTracker.pushBlock finds what push finds line by line, however the lines are grouped', () => {
    // Error lines, near misses ("0 errors"), lines that only match across a line end ("(7)" then "Failed to
    // connect" on the next line), blank and indented lines.
    const words = [
      ...EXCERPTS.map(([, line]) => line),
      'Installation completed with 0 errors.',
      'copying component 12 of 90',
      '(7)',
      'Failed to connect',
      '  [install]',
      'ERROR',
      '',
      '   ',
      'kernel version',
      ' not supported',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (blocks) => {
          const byLine = new FirstErrorTracker();
          const byBlock = new FirstErrorTracker();
          for (const block of blocks) {
            for (const line of block) byLine.push(line);
            byBlock.pushBlock(block.join('\n'));
          }
          expect(byBlock.result).toEqual(byLine.result);
        },
      ),
      { numRuns: 500 },
    );
  });
});
