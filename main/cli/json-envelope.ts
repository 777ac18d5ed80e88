import type { JsonEnvelope } from '../../common/json-envelope';
import { writeOut } from './output-guard';

/** Prints the one --json envelope (common/json-envelope.ts) on stdout, through the closed-pipe guard. */
export function writeJson(envelope: JsonEnvelope): void {
  writeOut(`${JSON.stringify(envelope, null, 2)}\n`);
}
