import { runCli } from './program';
import { EXIT } from './exit-codes';
import { guardOutput, writeErr } from './output-guard';

// Before anything is written: a closed output pipe must never end the process mid-job (output-guard.ts).
guardOutput();

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    writeErr(`mobility-setup: unexpected error: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = EXIT.internal;
  },
);
