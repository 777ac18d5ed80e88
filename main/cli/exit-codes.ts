/**
 * Exit codes of the mobility-setup command line. Where a vendor code means the same thing, the vendor's
 * number is used (../shared/domain.md); the rest sit in ranges the vendor does not use (the README lists all).
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The machine or input is not fit for the operation (unsupported OS, bad checksum, no installer, unreachable server). */
  precondition: 64,
  cancelled: 1602,
  internal: 70,
} as const;
