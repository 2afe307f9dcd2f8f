import { EventHub } from './event-hub';

describe('EventHub', () => {
  afterEach(() => jest.useRealTimers());

  /** The cursor a renderer starts from, as it asks for it. */
  const start = async (hub: EventHub) => (await hub.next(0)).cursor;

  it('answers 0 at once with the current cursor and no backlog', async () => {
    const hub = new EventHub(60_000);
    hub.publish({ type: 'status-changed' });

    const first = await hub.next(0);

    expect(first.events).toEqual([]);
    expect(first.cursor).toBeGreaterThan(0);
  });

  it('answers a poll at the current cursor with the next event', async () => {
    const hub = new EventHub(60_000);
    const cursor = await start(hub);

    const poll = hub.next(cursor);
    hub.publish({ type: 'settings-changed' });

    await expect(poll).resolves.toEqual({
      cursor: cursor + 1,
      events: [{ type: 'settings-changed' }],
    });
  });

  it('answers at once with what came after the cursor, in order', async () => {
    const hub = new EventHub(60_000);
    const cursor = await start(hub);
    hub.publish({ type: 'status-changed' });
    hub.publish({ type: 'progress', operation: 'sync', users: 3, groups: 1 });
    hub.publish({ type: 'operation-finished', operation: 'sync' });

    await expect(hub.next(cursor + 1)).resolves.toEqual({
      cursor: cursor + 3,
      events: [
        { type: 'progress', operation: 'sync', users: 3, groups: 1 },
        { type: 'operation-finished', operation: 'sync' },
      ],
    });
  });

  it('answers every waiting poll', async () => {
    const hub = new EventHub(60_000);
    const cursor = await start(hub);
    const first = hub.next(cursor);
    const second = hub.next(cursor);

    hub.publish({ type: 'status-changed' });

    const expected = { cursor: cursor + 1, events: [{ type: 'status-changed' }] };
    await expect(Promise.all([first, second])).resolves.toEqual([expected, expected]);
  });

  it('answers with no events after the wait, keeping the cursor', async () => {
    jest.useFakeTimers();
    const hub = new EventHub(25_000);
    const cursor = await start(hub);
    const poll = hub.next(cursor);

    jest.advanceTimersByTime(25_000);

    await expect(poll).resolves.toEqual({ cursor, events: [] });
  });

  it('makes a cursor from before a restart of main (ahead of its own) wait for the next event', async () => {
    const hub = new EventHub(60_000);
    const cursor = await start(hub);
    const poll = hub.next(cursor + 99);

    hub.publish({ type: 'status-changed' });

    await expect(poll).resolves.toEqual({
      cursor: cursor + 1,
      events: [{ type: 'status-changed' }],
    });
  });

  it('lets go of waiting polls when closed', async () => {
    const hub = new EventHub(60_000);
    const cursor = await start(hub);
    const poll = hub.next(cursor);

    hub.close();

    await expect(poll).resolves.toEqual({ cursor, events: [] });
  });
});
