import { abortableSleep } from './abortable-sleep';

describe('abortableSleep', () => {
  it('resolves after the wait', async () => {
    await expect(abortableSleep(5)).resolves.toBeUndefined();
  });

  it('rejects with the reason when aborted during the wait, or already aborted', async () => {
    const controller = new AbortController();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('read cancelled'));
    await expect(waiting).rejects.toThrow('read cancelled');
    await expect(abortableSleep(60_000, controller.signal)).rejects.toThrow('read cancelled');
  });
});
