/**
 * ws, through a module of our own that event-socket.ts imports with `await import()` once the server listens:
 * esbuild then keeps ws's `require()` in this module's lazy init, so `serve` prints its link before ws loads, and
 * the packaged app's check still sees ws required by a bundle (a bare `import('ws')` would stay an ESM import of a
 * CommonJS package, slower and invisible to that check). Same pattern as installer/tar-package.ts.
 */
export { WebSocketServer } from 'ws';
