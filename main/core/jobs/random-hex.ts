/**
 * `bytes` random bytes as hex, for unguessable file and folder names. node:crypto is loaded on the first call,
 * not when the job modules load: `detect` reads the job journal but names nothing, and its start should not
 * pay for crypto (see "Speed and memory" in the README).
 */
export function randomHex(bytes: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}
