import type { ComponentFixture } from '@angular/core/testing';

import { find } from './dom';

/** Picks an option of a `<select>` as a user does, then lets the view catch up. */
export async function choose(
  fixture: ComponentFixture<unknown>,
  selector: string,
  value: string,
): Promise<void> {
  const select = find<HTMLSelectElement>(fixture, selector);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await fixture.whenStable();
}
