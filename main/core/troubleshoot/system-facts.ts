/**
 * The slower facts support asks for (virtualization, memory, CPUs, block devices and mounts, network
 * interfaces, time sync, SELinux), gathered with systeminformation's argument-free calls, never elevated, off
 * the detection screen's fast path (loaded only here, on demand) and under one time limit: measured at about
 * 1 s on the 2-core machine this was built on (README, Troubleshooting), limited to 10 s by default.
 * systeminformation reads the running system, not the --root prefix; the root-prefixed files (SELinux, time
 * sync) are read under the root, so a sandbox shows its own.
 */
import os from 'node:os';
import type { SystemFacts } from '../../../common/troubleshoot';
import type { RootFiles } from '../../platform/root-files';

export const SYSTEM_FACTS_LIMIT_MS = 10_000;

async function selinuxMode(files: RootFiles): Promise<SystemFacts['selinux']> {
  const enforce = await files.readText('/sys/fs/selinux/enforce');
  if (enforce !== null) return enforce.trim() === '1' ? 'enforcing' : 'permissive';
  const config = await files.readText('/etc/selinux/config');
  return config !== null && /^\s*SELINUX\s*=\s*disabled/m.test(config) ? 'disabled' : 'not present';
}

/** systemd-timesyncd leaves this flag file once the clock is synchronized; chrony and ntpd are named when present. */
async function timeSync(files: RootFiles): Promise<SystemFacts['timeSync']> {
  if (await files.exists('/run/systemd/timesync/synchronized'))
    return { synchronized: true, source: 'systemd-timesyncd' };
  if (await files.exists('/etc/chrony.conf')) return { synchronized: null, source: 'chrony (state not read)' };
  if (await files.exists('/etc/chrony/chrony.conf')) return { synchronized: null, source: 'chrony (state not read)' };
  if (await files.exists('/etc/ntp.conf')) return { synchronized: null, source: 'ntpd (state not read)' };
  return { synchronized: null, source: 'none found' };
}

/**
 * Node's own list, not si.networkInterfaces(): that call took 1.6 s of the 2.9 s total here (it runs commands per
 * interface for speed and duplex, which support does not need); this one is instant. An interface listed is up.
 */
function networkInterfaces(): SystemFacts['networkInterfaces'] {
  return Object.entries(os.networkInterfaces()).map(([name, addresses = []]) => ({
    name,
    ipv4: addresses
      .filter((a) => a.family === 'IPv4')
      .map((a) => a.address)
      .join(', '),
    ipv6: addresses
      .filter((a) => a.family === 'IPv6')
      .map((a) => a.address)
      .join(', '),
    mac: addresses[0]?.mac ?? '',
    up: true,
  }));
}

export async function gatherSystemFacts(files: RootFiles, now: () => number = Date.now): Promise<SystemFacts> {
  const started = now();
  const si = await import('systeminformation');
  const [system, mem, cpu, blocks, fs, selinux, sync] = await Promise.all([
    si.system(),
    si.mem(),
    si.cpu(),
    si.blockDevices(),
    si.fsSize(),
    selinuxMode(files),
    timeSync(files),
  ]);
  return {
    virtualization: {
      virtual: system.virtual,
      host: system.virtualHost ?? null,
      manufacturer: system.manufacturer,
      model: system.model,
    },
    memory: { totalBytes: mem.total, availableBytes: mem.available },
    cpus: { model: `${cpu.manufacturer} ${cpu.brand}`.trim(), cores: cpu.cores, physicalCores: cpu.physicalCores },
    blockDevices: blocks.map((b) => ({
      name: b.name,
      type: b.type,
      sizeBytes: b.size,
      mount: b.mount,
      fsType: b.fsType,
    })),
    mounts: fs.map((f) => ({ mount: f.mount, fsType: f.type, sizeBytes: f.size, usedBytes: f.used })),
    networkInterfaces: networkInterfaces(),
    timeSync: sync,
    selinux,
    tookMs: Math.max(0, now() - started),
  };
}

/** The facts, or null when they take longer than `limitMs` (the page and the bundle then say so). */
export async function systemFactsWithin(
  files: RootFiles,
  limitMs = SYSTEM_FACTS_LIMIT_MS,
): Promise<SystemFacts | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), limitMs);
    timer.unref();
  });
  return Promise.race([gatherSystemFacts(files).catch(() => null), limit]).finally(() => clearTimeout(timer));
}
