import { RateLimitGate } from './rate-limit-gate';

describe('RateLimitGate', () => {
  it('lets calls through while the window has room, counting those in flight', async () => {
    const waits: number[] = [];
    const gate = new RateLimitGate(
      0,
      () => 10_000,
      (ms) => waits.push(ms),
    );
    await gate.acquire();
    await gate.acquire();
    // Answered while one more call is in flight: of the 3 left, 2 remain for new calls.
    gate.answered('3', '20');
    await gate.acquire();
    await gate.acquire();
    expect(waits).toEqual([]);

    const controller = new AbortController();
    const third = gate.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(third).rejects.toThrow('stopped');
    expect(waits).toEqual([10_000]);
  });

  it('waits until the reset (plus the margin) once the window is spent', async () => {
    const gate = new RateLimitGate(30);
    await gate.acquire();
    const resetSeconds = Math.ceil(Date.now() / 1000);
    gate.answered('0', String(resetSeconds));
    const started = Date.now();
    await gate.acquire();

    expect(Date.now()).toBeGreaterThanOrEqual(resetSeconds * 1000 + 25);
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it('stops waiting when the read is aborted', async () => {
    const gate = new RateLimitGate(0);
    await gate.acquire();
    gate.answered('0', String(Math.ceil(Date.now() / 1000) + 60));
    const controller = new AbortController();
    const pending = gate.acquire(controller.signal);
    controller.abort(new Error('stopped'));

    await expect(pending).rejects.toThrow('stopped');
  });
});
