import { signal } from '@angular/core';

import { type Paging, pagedList } from './paged-list';

describe('pagedList', () => {
  const names = Array.from({ length: 7 }, (_, i) => `Name${i}`);

  function setUp(rows: readonly (string | null)[] = names) {
    const query = signal('');
    const tab = signal('first');
    const paging: Paging = { query, resetOn: tab, pageSize: 3 };
    const list = pagedList(
      paging,
      () => rows,
      (row) => [row],
    );
    return { query, tab, list };
  }

  it('renders one page, and Show more adds the next', () => {
    const { list } = setUp();

    expect(list.rows()).toEqual(['Name0', 'Name1', 'Name2']);
    expect([list.listed(), list.total(), list.shown()]).toEqual([7, 7, 3]);

    list.showMore();
    list.showMore();
    list.showMore();

    expect(list.rows()).toEqual(names);
    expect(list.shown()).toBe(7);
  });

  it('searches trimmed and whatever the case, and passes over missing texts', () => {
    const { query, list } = setUp([...names, null]);

    query.set(' NAME1 ');
    expect(list.rows()).toEqual(['Name1']);
    expect([list.listed(), list.total()]).toEqual([8, 1]);

    query.set('');
    expect(list.total()).toBe(8);
  });

  it('starts again at one page when the search or the reset source changes', () => {
    const { query, tab, list } = setUp();

    list.showMore();
    query.set('name');
    expect(list.shown()).toBe(3);

    list.showMore();
    tab.set('second');
    expect(list.shown()).toBe(3);
  });
});
