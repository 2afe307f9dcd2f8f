import { PendingTasks } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ConnectorCallError } from '../shared/connector-client';
import { busyCall } from './busy-call';
import { deferred } from './testing/fake-connector';

describe('busyCall', () => {
  const create = () => TestBed.runInInjectionContext(() => busyCall());

  it('is busy, and keeps the app from being stable, while the call runs; one at a time', async () => {
    const done = jest.fn();
    const add = jest.spyOn(TestBed.inject(PendingTasks), 'add').mockReturnValue(done);
    const call = create();
    const answer = deferred<void>();
    const work = jest.fn(() => answer.promise);

    const first = call.run(work);
    expect(call.busy()).toBe(true);
    await call.run(work);
    expect(work).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledTimes(1);
    expect(done).not.toHaveBeenCalled();

    answer.resolve();
    await first;
    expect(call.busy()).toBe(false);
    expect(call.failure()).toBeNull();
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('keeps why the call failed until the next, after onFailure and settle', async () => {
    const call = create();
    const order: string[] = [];
    const failing = () =>
      Promise.reject(
        new ConnectorCallError({
          message: 'Main said no.',
          remedy: 'Ask again.',
          code: 'BITWARDEN_AUTH',
          side: 'bitwarden',
        }),
      );

    await call.run(failing, {
      onFailure: () => order.push(`failed, showing ${String(call.failure())}`),
      settle: () => {
        order.push(`settling, busy ${String(call.busy())}`);
        return Promise.resolve();
      },
    });

    expect(order).toEqual(['failed, showing null', 'settling, busy true']);
    expect(call.failure()).toEqual({ message: 'Main said no.', remedy: 'Ask again.' });

    const next = call.run(() => Promise.resolve());
    expect(call.failure()).toBeNull();
    await next;
  });
});
