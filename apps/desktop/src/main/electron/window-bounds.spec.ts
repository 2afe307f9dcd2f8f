import fc from 'fast-check';

import {
  DEFAULT_WINDOW_SIZE,
  restorePlacement,
  type Rectangle,
  type ScreenPort,
} from './window-bounds';

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the laptop's right. */
const MONITOR: Rectangle = { x: 1440, y: -200, width: 2560, height: 1400 };

const screenOf = (...areas: Rectangle[]): ScreenPort => ({
  getAllDisplays: () => areas.map((workArea) => ({ workArea })),
  getPrimaryDisplay: () => ({ workArea: areas[0] ?? LAPTOP }),
});

describe('the window’s placement', () => {
  it.each([
    undefined,
    null,
    'big',
    { x: 1, y: 2 },
    { x: 0, y: 0, width: -5, height: 10, maximized: false },
  ])('opens centred at the default size when nothing readable is stored (%p)', (stored) => {
    expect(restorePlacement(stored, screenOf(LAPTOP, MONITOR))).toEqual({
      position: null,
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('fits the default size into a small primary display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };

    expect(restorePlacement(undefined, screenOf(small))).toMatchObject({
      width: 1024,
      height: 700,
    });
  });

  it('restores bounds that are on a display as they were, maximized or not', () => {
    const stored = { x: 1600, y: 0, width: 1200, height: 900, maximized: true };

    expect(restorePlacement(stored, screenOf(LAPTOP, MONITOR))).toEqual({
      position: { x: 1600, y: 0 },
      width: 1200,
      height: 900,
      maximized: true,
    });
  });

  it('moves a window whose monitor is gone onto the primary display, shrunk to fit', () => {
    const stored = { x: 1600, y: -100, width: 2000, height: 1200, maximized: false };

    expect(restorePlacement(stored, screenOf(LAPTOP))).toEqual({
      position: { x: 0, y: 0 },
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('pulls a window hanging off an edge back onto the display it overlaps most', () => {
    const stored = { x: 3800, y: 1000, width: 800, height: 600, maximized: false };

    expect(restorePlacement(stored, screenOf(LAPTOP, MONITOR))).toEqual({
      position: { x: 1440 + 2560 - 800, y: -200 + 1400 - 600 },
      width: 800,
      height: 600,
      maximized: false,
    });
  });

  it('always opens wholly inside one display’s work area', () => {
    const rectangle = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 6000 }),
    });
    fc.assert(
      fc.property(
        rectangle,
        fc.array(rectangle, { minLength: 1, maxLength: 3 }),
        (window, areas) => {
          const placement = restorePlacement({ ...window, maximized: false }, screenOf(...areas));
          const { position, width, height } = placement;

          expect(position).not.toBeNull();
          const inside = areas.some(
            (area) =>
              position !== null &&
              position.x >= area.x &&
              position.y >= area.y &&
              position.x + width <= area.x + area.width &&
              position.y + height <= area.y + area.height,
          );
          expect(inside).toBe(true);
        },
      ),
    );
  });
});
