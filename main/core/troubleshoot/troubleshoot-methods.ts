/** The troubleshooting page's methods, in a module of their own so the core can route them before loading it. */
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
