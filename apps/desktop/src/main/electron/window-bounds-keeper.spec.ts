import { FakeTime } from '../scheduler/testing/fake-time';
import { BOUNDS_SAVE_DELAY_MS, keepWindowBounds, type BoundsSource } from './window-bounds-keeper';
import type { Rectangle, WindowBounds } from './window-bounds';

type BoundsEvent = 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close';

/** A window the test moves by hand. */
class MovableWindow implements BoundsSource {
  bounds: Rectangle = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  private readonly listeners = new Map<BoundsEvent, (() => void)[]>();

  getNormalBounds(): Rectangle {
    return this.bounds;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  on(event: BoundsEvent, listener: () => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  emit(event: BoundsEvent): void {
    this.listeners.get(event)?.forEach((listener) => listener());
  }

  moveTo(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
    this.emit('move');
  }
}

describe('keeping the window’s bounds', () => {
  let time: FakeTime;
  let window: MovableWindow;
  let saved: WindowBounds[];
  let errors: unknown[];
  const settle = () => Promise.resolve();

  beforeEach(() => {
    time = new FakeTime('2026-11-26T10:00:00.000Z');
    window = new MovableWindow();
    saved = [];
    errors = [];
    keepWindowBounds(
      window,
      async (bounds) => {
        saved.push(bounds);
      },
      { timer: time, onError: (error) => errors.push(error) },
    );
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('saves once a move has settled, not on every event', async () => {
    for (let x = 11; x <= 60; x += 1) {
      window.moveTo(x, 20);
      await time.advance(16, settle);
    }
    expect(saved).toEqual([]);

    await time.advance(BOUNDS_SAVE_DELAY_MS, settle);

    expect(saved).toEqual([{ x: 60, y: 20, width: 1000, height: 700, maximized: false }]);
  });

  it('keeps the restored bounds and the maximized flag of a maximized window', async () => {
    window.maximized = true;
    window.emit('maximize');
    await time.advance(BOUNDS_SAVE_DELAY_MS, settle);

    expect(saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: true }]);
  });

  it('saves at once on close, taking over a pending save', async () => {
    window.bounds = { x: 5.4, y: 6.6, width: 900.2, height: 650 };
    window.emit('resize');
    window.emit('close');

    expect(saved).toEqual([{ x: 5, y: 7, width: 900, height: 650, maximized: false }]);
    await time.advance(BOUNDS_SAVE_DELAY_MS * 2, settle);
    expect(saved).toHaveLength(1);
  });

  it('writes nothing when the bounds did not change', async () => {
    window.emit('close');
    window.emit('resize');
    await time.advance(BOUNDS_SAVE_DELAY_MS, settle);

    expect(saved).toHaveLength(1);
  });
});
