import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { parseEndpoint } from '../../../common/endpoint';
import { parsePort } from '../../../common/port';
import { UserError } from '../../../common/result';
import type { Logger } from '../../ports/ports';
import {
  closeOnSignal,
  DEFAULT_PORT,
  printFreshLinkOnSignal,
  serveInstructions,
  serveWizard,
} from '../../web-host/serve-wizard';
import { globalOptions } from '../context';
import { parseSeconds } from './job-command';
import { checkedPath } from '../usage-error';
import { cliText } from '../i18n/cli-text';
import { EXIT } from '../exit-codes';
import { jsonError, linkEnvelopeLine } from '../../../common/json-envelope';
import { writeJson } from '../json-envelope';

interface ServeOptions {
  port: number;
  installerDir?: string;
  csEndpoint?: string;
  dataPort?: number;
  demo?: boolean;
  verbose?: boolean;
  /** Milliseconds (the option is given in seconds). */
  inactivityTimeout?: number;
}

/** `mobility-setup serve`: the wizard in a browser, for servers without a desktop (reached through `ssh -L`). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the wizard on 127.0.0.1 for a browser (use an SSH tunnel from another computer)')
    .option('--port <n>', `port on 127.0.0.1 (0 picks a free port)`, parsePortOption(0), DEFAULT_PORT)
    .option('--installer-dir <dir>', 'folder with the Mobility service installer (prefills the wizard)')
    .option('--cs-endpoint <host[:port]>', 'configuration server address (prefills the wizard)', parseEndpointOption)
    .option('--data-port <n>', 'data port of the process server (prefills the wizard)', parsePortOption(1))
    .option('--demo', 'demo session (prefilled, safe to click through)', false)
    .option(
      '--inactivity-timeout <seconds>',
      'end a vendor installer/configurator after this long without output (default 900)',
      parseTimeoutOption,
    )
    .option('--verbose', 'print each request (method, path, status; never the query string) to stderr', false)
    .action(async (options: ServeOptions, command: Command) => {
      const global = globalOptions(command);
      let served;
      try {
        served = await serveWizard({
          root: global.root,
          port: options.port,
          demo: options.demo === true,
          defaults: {
            installerDir: options.installerDir
              ? path.resolve(checkedPath(options.installerDir, '--installer-dir'))
              : null,
            csEndpoint: options.csEndpoint ?? null,
            dataPort: options.dataPort ?? null,
          },
          logger: stderrLogger(options.verbose === true),
          ...(options.inactivityTimeout !== undefined ? { inactivityTimeoutMs: options.inactivityTimeout } : {}),
        });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        if (global.json) writeJson({ ok: false, exitCode: EXIT.precondition, error: jsonError(err.toAppError()) });
        else process.stderr.write(`mobility-setup serve: ${err.message}\n${err.hint ? `${err.hint}\n` : ''}`);
        process.exitCode = EXIT.precondition;
        return;
      }
      // Signal handlers first: whoever reads the link may send SIGHUP/SIGTERM the moment it appears.
      const closed = closeOnSignal(served);
      const stopFreshLinks = printFreshLinkOnSignal(served, (text) => process.stdout.write(text), global.json);
      process.stdout.write(global.json ? linkEnvelopeLine(served.url, served.port) : serveInstructions(served));
      await closed;
      stopFreshLinks();
      if (!global.json) process.stderr.write('Mobility Setup stopped.\n');
    });
}

/** The one port rule (common/port.ts) as a commander argument parser. */
function parsePortOption(min: 0 | 1) {
  return (value: string): number => {
    const port = parsePort(value, { allowZero: min === 0 });
    if (port === null) throw new InvalidArgumentError(cliText('usage.port', { min }));
    return port;
  };
}

/** The same rule as install/register (job-command's parseSeconds), as a commander argument parser; gives ms. */
function parseTimeoutOption(value: string): number {
  try {
    return parseSeconds(value, '--inactivity-timeout') ?? 0;
  } catch (err) {
    throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
  }
}

function parseEndpointOption(value: string): string {
  const parsed = parseEndpoint(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return value.trim();
}

/** Warnings and errors; request lines only with --verbose, since they would bury the link. Nothing logged carries a token or a secret. */
function stderrLogger(verbose: boolean): Logger {
  const write = (message: string, fields?: Record<string, unknown>): void => {
    process.stderr.write(`mobility-setup: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };
  return { info: verbose ? write : () => undefined, warn: write, error: write };
}
