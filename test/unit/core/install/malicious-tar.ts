/**
 * Writes tar archives byte by byte, so tests can build entries that no well-behaved tar tool would
 * write: `../x`, `/etc/x`, backslashes, links out of the folder, devices, FIFOs, lying sizes.
 * Format: POSIX ustar, 512-byte headers with an octal checksum, data padded to 512 bytes, two zero blocks.
 */
import { gzipSync } from 'node:zlib';

export type RawType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'sparse' | 'pax';

export interface RawEntry {
  name: string;
  type?: RawType;
  data?: Buffer | string;
  /** Size written in the header; defaults to the data length. A larger value makes a lying header. */
  declaredSize?: number;
  mode?: number;
  linkname?: string;
  /** Raw bytes for the name field, for names a JS string cannot carry through `name` (e.g. with NUL). */
  nameBytes?: Buffer;
}

const TYPE_FLAG: Record<RawType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
  sparse: 'S',
  pax: 'x',
};

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(entry: RawEntry, dataLength: number): Buffer {
  const header = Buffer.alloc(512, 0);
  const nameBytes = entry.nameBytes ?? Buffer.from(entry.name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`name too long for this helper: ${entry.name}`);
  nameBytes.copy(header, 0);
  const type = entry.type ?? 'file';
  header.write(octal(entry.mode ?? (type === 'dir' ? 0o755 : 0o644), 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(entry.declaredSize ?? dataLength, 12), 124, 'ascii');
  header.write(octal(1_700_000_000, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(TYPE_FLAG[type], 156, 'ascii');
  if (entry.linkname !== undefined) header.write(entry.linkname, 157, 'utf8');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write('root', 265, 'ascii');
  header.write('root', 297, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148, 'ascii');
  return header;
}

export function buildTar(entries: RawEntry[], options: { trailingZeroBytes?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : (entry.data ?? Buffer.alloc(0));
    parts.push(tarHeader(entry, data.length));
    if (data.length > 0) {
      parts.push(data);
      const pad = (512 - (data.length % 512)) % 512;
      if (pad) parts.push(Buffer.alloc(pad));
    }
  }
  parts.push(Buffer.alloc(1024 + (options.trailingZeroBytes ?? 0)));
  return Buffer.concat(parts);
}

export function buildTarGz(entries: RawEntry[], options: { trailingZeroBytes?: number } = {}): Buffer {
  return gzipSync(buildTar(entries, options), { level: 9 });
}

/** One pax record, "<len> key=value\n", where <len> counts the whole record including itself. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length += 1;
  return `${length}${body}`;
}
