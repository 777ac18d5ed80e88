import { runCli } from './program';
import { EXIT } from './exit-codes';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mobility-setup: unexpected error: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = EXIT.internal;
  },
);
