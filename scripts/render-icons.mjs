// Renders the app's icon set from assets/icon.svg (run by hand after changing the drawing; the results are
// committed, so packaging needs no image tools): assets/icons/<N>x<N>.png for Linux (AppImage, deb, rpm and
// the desktop entry pick sizes from that folder), assets/icon.png (512), assets/icon.ico for Windows (NSIS and
// the executable) and assets/icon.icns (not a target today; made so a macOS build needs nothing new).
// Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The .ico and .icns are written here: both
// formats may hold PNG images as they are, so a small header and directory is all they need.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = path.resolve(fileURLToPath(new URL('../assets', import.meta.url)));
const source = path.join(assets, 'icon.svg');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// Windows shell sizes; 256 is the largest an .ico entry may be.
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// Apple's PNG-capable icon types: type code → pixel size.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function render(size) {
  const run = spawnSync(
    'rsvg-convert',
    ['--width', String(size), '--height', String(size), '--format', 'png', source],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.stderr.toString();
    throw new Error(`rsvg-convert failed for ${size}px (${why.trim()}); install it with: apt-get install librsvg2-bin`);
  }
  return run.stdout;
}

function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const [size, png] of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs.map(([, png]) => png)]);
}

function icns(chunks) {
  const blocks = chunks.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(blocks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

readFileSync(source); // a clear ENOENT before any tool runs
const rendered = new Map(SIZES.map((size) => [size, render(size)]));
mkdirSync(path.join(assets, 'icons'), { recursive: true });
for (const size of SIZES.filter((s) => s <= 512)) {
  writeFileSync(path.join(assets, 'icons', `${size}x${size}.png`), rendered.get(size));
}
writeFileSync(path.join(assets, 'icon.png'), rendered.get(512));
writeFileSync(path.join(assets, 'icon.ico'), ico(ICO_SIZES.map((size) => [size, rendered.get(size)])));
writeFileSync(path.join(assets, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => [type, rendered.get(size)])));
process.stdout.write(`Rendered ${SIZES.length} sizes from ${path.relative(process.cwd(), source)} into assets/.\n`);
