import type { Command } from 'commander';
import { openWizard } from '../../launch/open-wizard';
import { checkDefaults } from '../../launch/shell-args';
import { globalOptions } from '../context';
import { EXIT } from '../exit-codes';
import { checkedPath, writeUsageEnvelope } from '../usage-error';
import { parsePort, portRangeMessage } from '../../../common/port';

interface OpenOptions {
  installerDir?: string;
  csEndpoint?: string;
  dataPort?: string;
  demo?: boolean;
  port?: string;
}

/** `mobility-setup open`: the wizard in its Electron window, or in the browser when Electron cannot run here. */
export function registerOpenCommand(program: Command): void {
  program
    .command('open')
    .description('Open the setup wizard (an Electron window; the browser host when Electron is not available)')
    .option('--installer-dir <dir>', 'prefill the folder holding the Mobility service installer')
    .option('--cs-endpoint <host[:port]>', 'prefill the configuration server address')
    .option('--data-port <n>', 'prefill the process server data port (9443 by default)')
    .option('--demo', 'mark the session as a demo (the wizard says so)', false)
    .option('--port <n>', 'port for the browser host fallback (0 picks a free port; default: the same as `serve`)')
    .action(async (options: OpenOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      if (options.installerDir !== undefined) checkedPath(options.installerDir, '--installer-dir');
      const checked = checkDefaults(options);
      // Absent: the serve command's fixed default port, so its `ssh -L` recipe stays the same.
      const port = options.port === undefined ? undefined : parsePort(options.port, { allowZero: true });
      if (!checked.ok || port === null) {
        const message = checked.ok ? `--port: ${portRangeMessage({ allowZero: true })}` : checked.message;
        process.stderr.write(`mobility-setup open: ${message}\n`);
        if (json) writeUsageEnvelope(message, 'mobility-setup open');
        process.exitCode = EXIT.usage;
        return;
      }
      process.exitCode = await openWizard({
        root,
        defaults: checked.defaults,
        demo: options.demo === true,
        json,
        ...(port === undefined ? {} : { port }),
      });
    });
}
