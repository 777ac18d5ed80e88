import { fstatSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * A V8 code cache for the CLI's bundles: V8's compiled code for a bundle, made by the build (after a warm-up
 * run, so it holds the functions a start runs) and written beside the bundle in dist/main, as trusted as the
 * bundle itself. Loading a bundle with it skips most of V8's parsing and compiling at every start (Node 20 has
 * no module.enableCompileCache, and that one writes its cache at run time, which this never does).
 *
 * The cache is only a hint: a missing, stale, corrupt or foreign one (Electron's V8, another Node, other V8
 * flags) is left aside and the bundle compiles as it would without it. V8 itself checks the cache's version,
 * flags and the source's LENGTH only, so the file starts with one line naming the bundle it was made from: its
 * size and modification time, as a build writes them (a new build, an edit or a copy that does not keep the
 * times changes them, and the cache is left aside; hashing the bundle instead would cost more than the cache
 * saves on a small command, crypto included).
 */
export type CodeCacheUse = 'used' | 'rejected' | 'absent' | 'off';

/** Where the build writes `bundle`'s code cache. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.v8-cache`;
}

/** Runs the CommonJS bundle `file` (absolute) in this process, with its code cache when it fits. */
export function loadBundle(file: string): CodeCacheUse {
  // Coverage (NODE_V8_COVERAGE) and --enable-source-maps read the bundle's source map through Node's own
  // loader, which a vm.Script bypasses: those runs load it the plain way.
  if (process.env.NODE_V8_COVERAGE || process.sourceMapsEnabled) {
    createRequire(file)(file);
    return 'off';
  }
  const { source, identity } = readBundle(file);
  const cache = readCache(file);
  const data = cache === null ? undefined : cacheFor(identity, cache);
  const script = compile(file, source, data);
  run(script, file);
  if (cache === null) return 'absent';
  return data !== undefined && !script.cachedDataRejected ? 'used' : 'rejected';
}

/**
 * Build time only (scripts/build-main.mjs runs it in a fresh `node` without flags, the way users start the
 * CLI): runs `file` like loadBundle, and when the process exits writes the code V8 has compiled by then.
 */
export function writeCodeCacheOnExit(file: string): void {
  const { source, identity } = readBundle(file);
  const script = compile(file, source);
  process.once('exit', () =>
    writeFileSync(codeCachePath(file), Buffer.concat([Buffer.from(`${identity}\n`), script.createCachedData()]), {
      mode: 0o644,
    }),
  );
  run(script, file);
}

/** The bundle's text, and its size and modification time as one line (read from the same open file). */
function readBundle(file: string): { source: string; identity: string } {
  const fd = openSync(file, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    return { source: readFileSync(fd, 'utf8'), identity: `mobility-setup code cache for ${size} ${mtimeMs}` };
  } finally {
    closeSync(fd);
  }
}

function readCache(file: string): Buffer | null {
  try {
    return readFileSync(codeCachePath(file));
  } catch {
    return null;
  }
}

/** V8's part of the cache when its first line names this bundle, else undefined. */
function cacheFor(identity: string, cache: Buffer): Buffer | undefined {
  const header = Buffer.from(`${identity}\n`);
  const fits = cache.length > header.length && cache.subarray(0, header.length).equals(header);
  return fits ? cache.subarray(header.length) : undefined;
}

function compile(file: string, source: string, cachedData?: Buffer): vm.Script {
  // The same wrapper as Node's CommonJS loader, so the bundle sees the same five names.
  return new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
}

function run(script: vm.Script, file: string): void {
  const module = new Module(file);
  module.filename = file;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
}
