import { computed } from '@angular/core';

import { ExpandedKeys } from './expanded-keys';

describe('ExpandedKeys', () => {
  it('opens and closes each key on its own, as a signal sees', () => {
    const expanded = new ExpandedKeys();
    const aOpen = computed(() => expanded.has('a'));
    expect(aOpen()).toBe(false);

    expanded.toggle('a');
    expanded.toggle('b');
    expect([aOpen(), expanded.has('b')]).toEqual([true, true]);

    expanded.toggle('a');
    expect([aOpen(), expanded.has('b')]).toEqual([false, true]);
  });
});
