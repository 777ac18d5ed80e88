/**
 * The troubleshooting page's methods, in a module of their own: the channel list spreads them, and the core routes
 * them to the troubleshooting module before loading it (main/core/lazy-handlers.ts).
 */
export const TROUBLESHOOT_METHODS = [
  'diagnose',
  'readLogLines',
  'searchLog',
  'prepareBundle',
  'saveBundle',
  'saveBundleWithDialog',
  'discardBundle',
] as const;

export type TroubleshootMethod = (typeof TROUBLESHOOT_METHODS)[number];
