// Draws the add-in's ribbon and manifest icons (a white "C" on Fluent blue) as PNG files in
// addin/assets, so the repository needs no image editor: `npx tsx scripts/addin-icons.ts`.
// Sizes: desktop ribbon 16/32/80, mobile 25/32/48 at scales 1-3 (MobileFormFactor wants all nine),
// the store icons 64/128, and the unified manifest's 192 px colour icon and 32 px outline (white on
// transparent, as Microsoft 365 requires for "icons.outline").
import fs from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144, 192];
const BLUE = [0x0f, 0x6c, 0xbd];

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon(size: number, outline = false): Buffer {
  const rows: Buffer[] = [];
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const dx = x - centre;
      const dy = y - centre;
      const radius = Math.hypot(dx, dy) / (size / 2);
      // Rounded square background; a ring open to the right makes the "C".
      const corner = Math.max(Math.abs(dx), Math.abs(dy)) / (size / 2) > 0.98;
      const ring = radius > 0.38 && radius < 0.62 && !(dx > 0 && Math.abs(dy) < Math.abs(dx) * 0.7);
      const [r, g, b] = ring ? [255, 255, 255] : BLUE;
      // The outline icon is the "C" alone: white where the ring is, transparent elsewhere.
      const alpha = outline ? (ring ? 255 : 0) : corner ? 0 : 255;
      row.set([r!, g!, b!, alpha], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, "..", "addin", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), drawIcon(size));
  fs.writeFileSync(path.join(dir, "outline-32.png"), drawIcon(32, true));
  console.log(`wrote ${SIZES.length + 1} icons to ${dir}`);
}
