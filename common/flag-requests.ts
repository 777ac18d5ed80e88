/**
 * The requests whose only parameters are optional yes/no flags (detect, getSession, getLatestJob), and their
 * check without zod. dispatch checks these itself and loads the zod schemas (common/api.ts) only for the
 * first request that needs one, so `mobility-setup detect` goes through dispatch like every other call and
 * still starts without loading zod. common/api.ts builds the zod schema of each from the same list, and a
 * property test checks that both agree on any input.
 */
export const FLAG_REQUESTS = {
  getSession: [],
  detect: ['refresh'],
  getLatestJob: [],
} as const satisfies Record<string, readonly string[]>;

export type FlagMethod = keyof typeof FLAG_REQUESTS;

export const isFlagMethod = (method: string): method is FlagMethod =>
  Object.prototype.hasOwnProperty.call(FLAG_REQUESTS, method);

export type FlagCheck = { ok: true; value: Record<string, boolean> } | { ok: false; fields: string[] };

/** An object whose keys are all among `flags`, each a boolean or undefined, like zod's strict object would. */
export function checkFlagRequest(flags: readonly string[], input: unknown): FlagCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, fields: ['(request)'] };
  const bad: string[] = [];
  const unknown: string[] = [];
  const value: Record<string, boolean> = {};
  for (const [key, flag] of Object.entries(input)) {
    if (!flags.includes(key)) unknown.push(key);
    else if (typeof flag === 'boolean') value[key] = flag;
    else if (flag !== undefined) bad.push(key);
  }
  // zod names an unknown key at the request itself, not at the key.
  const fields = unknown.length > 0 ? [...bad, '(request)'] : bad;
  return fields.length === 0 ? { ok: true, value } : { ok: false, fields };
}
