import { z } from 'zod';

/** The key under the data file's `app` settings. */
export const WINDOW_APP_KEY = 'window';

/** Where the window was and whether it was maximized (then x..height are its restored bounds). */
export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of Electron's `screen` used here: where windows may go on each display. */
export interface ScreenPort {
  getAllDisplays(): readonly { readonly workArea: Rectangle }[];
  getPrimaryDisplay(): { readonly workArea: Rectangle };
}

/** The first launch's size; Electron centres a window given no position. */
export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 780 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 600 } as const;

/** How the window opens: a position only when one was remembered. */
export interface WindowPlacement {
  readonly position: { readonly x: number; readonly y: number } | null;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/**
 * The window's placement from what the data file remembers: nothing or anything unreadable gives
 * the default size, centred; remembered bounds are moved (and shrunk if need be) onto the display
 * they overlap most, or the primary one when that display is gone, so the window never opens
 * out of sight.
 */
export function restorePlacement(stored: unknown, screen: ScreenPort): WindowPlacement {
  const parsed = WindowBoundsSchema.safeParse(stored);
  if (!parsed.success) {
    const area = screen.getPrimaryDisplay().workArea;
    return {
      position: null,
      width: Math.min(DEFAULT_WINDOW_SIZE.width, area.width),
      height: Math.min(DEFAULT_WINDOW_SIZE.height, area.height),
      maximized: false,
    };
  }
  const bounds = parsed.data;
  const area = bestWorkArea(bounds, screen);
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    position: {
      x: clamp(bounds.x, area.x, area.x + area.width - width),
      y: clamp(bounds.y, area.y, area.y + area.height - height),
    },
    width,
    height,
    maximized: bounds.maximized,
  };
}

function bestWorkArea(bounds: Rectangle, screen: ScreenPort): Rectangle {
  let best: Rectangle = screen.getPrimaryDisplay().workArea;
  let bestOverlap = 0;
  for (const { workArea } of screen.getAllDisplays()) {
    const overlap = overlapArea(bounds, workArea);
    if (overlap > bestOverlap) {
      best = workArea;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
