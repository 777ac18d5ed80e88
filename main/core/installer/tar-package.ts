/**
 * tar, through a module of our own that is imported with `await import()` where an archive is read or written:
 * esbuild then keeps tar's `require()` in this module's lazy init, so a front door that never extracts or bundles
 * does not load tar, and the packaged app's check still sees tar required by a bundle (a bare `import('tar')` would
 * be neither).
 */
export { c as createTar, Parser, Unpack } from 'tar';
