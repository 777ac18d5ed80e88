/**
 * Build step (scripts/build-main.mjs): `node write-code-cache.js <bundle> <args…>` runs the CLI bundle with
 * those arguments (a warm-up: `--help` of its command) and writes its V8 code cache beside it on exit.
 */
import path from 'node:path';
import { writeCodeCacheOnExit } from '../main/cli/code-cache';

const [bundle, ...args] = process.argv.slice(2);
if (!bundle) throw new Error('usage: write-code-cache <bundle> [args…]');
const file = path.resolve(bundle);
// The bundle reads its arguments from process.argv as if it had been started itself.
process.argv = [process.argv[0]!, file, ...args];
writeCodeCacheOnExit(file);
