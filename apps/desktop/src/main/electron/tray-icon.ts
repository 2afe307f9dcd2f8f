import { crc32, deflateSync } from 'node:zlib';

/** Bitwarden's blue, for the tray on Windows and Linux. */
export const TRAY_ICON_BLUE = { red: 0x17, green: 0x5d, blue: 0xdc } as const;
/** macOS draws template images itself (black and alpha), light or dark as the menu bar is. */
export const TRAY_ICON_TEMPLATE = { red: 0, green: 0, blue: 0 } as const;

export interface IconColour {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

/** Pixels per side: 16 logical pixels at scale factor 2. */
export const TRAY_ICON_SIZE = 32;

/** Samples per pixel side, for smooth edges. */
const SAMPLES = 4;

/**
 * The tray icon, a shield drawn in code as a PNG: the app ships no image files of its own yet, and
 * Electron's Tray needs one. `nativeImage.createFromBuffer(png, { scaleFactor: 2 })` reads it.
 */
export function trayIconPng(colour: IconColour, size: number = TRAY_ICON_SIZE): Buffer {
  const rowLength = 1 + size * 4;
  const raw = Buffer.alloc(rowLength * size);
  for (let y = 0; y < size; y += 1) {
    // Each row starts with its filter type; 0 is "none".
    raw[y * rowLength] = 0;
    for (let x = 0; x < size; x += 1) {
      const offset = y * rowLength + 1 + x * 4;
      raw[offset] = colour.red;
      raw[offset + 1] = colour.green;
      raw[offset + 2] = colour.blue;
      raw[offset + 3] = Math.round(255 * coverage(x, y, size));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  // 8 bits per channel, colour type 6 (RGBA), deflate, no filter method beyond 0, no interlace.
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How much of pixel (x, y) the shield covers, 0 to 1. */
function coverage(x: number, y: number, size: number): number {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const u = (x + (sx + 0.5) / SAMPLES) / size;
      const v = (y + (sy + 0.5) / SAMPLES) / size;
      if (inShield(u, v)) {
        inside += 1;
      }
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** A flat top, straight sides, and an elliptic bottom meeting in a point. */
function inShield(u: number, v: number): boolean {
  const halfWidth = 0.38;
  const shoulder = 0.5;
  const tip = 0.94;
  if (v < 0.08 || v > tip) {
    return false;
  }
  const offset = Math.abs(u - 0.5);
  if (v <= shoulder) {
    return offset <= halfWidth;
  }
  const t = (v - shoulder) / (tip - shoulder);
  return offset <= halfWidth * Math.sqrt(1 - t * t);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}
