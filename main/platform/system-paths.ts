import path from 'node:path';

/**
 * Every system path the app reads or writes goes through here, so `--root DIR` moves all of it into a
 * sandbox: tests and the demo never touch the real /usr/local, /etc or /var/log.
 */
export class SystemPaths {
  readonly root: string;

  constructor(root = '/') {
    this.root = path.resolve(root);
  }

  get isSandbox(): boolean {
    return this.root !== path.parse(this.root).root;
  }

  /** Maps a system path ("/usr/local/.vx_version") to where it lives under the root prefix. */
  resolve(systemPath: string): string {
    if (!path.isAbsolute(systemPath)) throw new Error(`system path must be absolute: ${systemPath}`);
    const normal = path.normalize(systemPath);
    if (!this.isSandbox) return normal;
    return path.join(this.root, normal);
  }

  /** The inverse of resolve, for showing a person the path as the system sees it. */
  toSystem(realPath: string): string {
    if (!this.isSandbox) return realPath;
    const rel = path.relative(this.root, realPath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return realPath;
    return '/' + rel.split(path.sep).join('/');
  }
}
