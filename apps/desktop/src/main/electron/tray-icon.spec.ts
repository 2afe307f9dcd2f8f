import { inflateSync } from 'node:zlib';

import { TRAY_ICON_BLUE, TRAY_ICON_SIZE, trayIconPng } from './tray-icon';

/** Reads back an RGBA PNG of filter-0 rows, as trayIconPng writes it. */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    types.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixel = (x: number, y: number) => {
    const at = y * (1 + width * 4) + 1 + x * 4;
    return [...raw.subarray(at, at + 4)];
  };
  return { width, height, types, pixel };
}

describe('the tray icon', () => {
  it('is a square RGBA PNG of the tray size', () => {
    const icon = decode(trayIconPng(TRAY_ICON_BLUE));

    expect(icon.types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([icon.width, icon.height]).toEqual([TRAY_ICON_SIZE, TRAY_ICON_SIZE]);
  });

  it('draws an opaque shield in the colour on a transparent ground', () => {
    const icon = decode(trayIconPng(TRAY_ICON_BLUE));
    const middle = TRAY_ICON_SIZE / 2;

    expect(icon.pixel(middle, middle)).toEqual([0x17, 0x5d, 0xdc, 255]);
    expect(icon.pixel(0, 0)[3]).toBe(0);
    expect(icon.pixel(TRAY_ICON_SIZE - 1, TRAY_ICON_SIZE - 1)[3]).toBe(0);
    // The pointed bottom: the lowest row is clear at its corners.
    expect(icon.pixel(3, TRAY_ICON_SIZE - 3)[3]).toBe(0);
  });

  it('is symmetric left to right', () => {
    const icon = decode(trayIconPng(TRAY_ICON_BLUE));

    for (let y = 0; y < TRAY_ICON_SIZE; y += 1) {
      for (let x = 0; x < TRAY_ICON_SIZE / 2; x += 1) {
        expect(icon.pixel(x, y)[3]).toBe(icon.pixel(TRAY_ICON_SIZE - 1 - x, y)[3]);
      }
    }
  });
});
