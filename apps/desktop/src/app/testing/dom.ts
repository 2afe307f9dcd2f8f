import type { ComponentFixture } from '@angular/core/testing';

/** The one element matching `selector`; fails the test when there is none. */
export function find<T extends Element = HTMLElement>(
  fixture: ComponentFixture<unknown>,
  selector: string,
): T {
  const element = (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  if (element === null) {
    throw new Error(`Nothing matches ${selector}.`);
  }
  return element;
}

/** The text of the element matching `selector`, or null when there is none. */
export function textOf(fixture: ComponentFixture<unknown>, selector: string): string | null {
  const element = (fixture.nativeElement as HTMLElement).querySelector(selector);
  return element?.textContent?.trim() ?? null;
}

/** Types into a field and leaves it, as a user does, then lets the view catch up. */
export async function fillIn(
  fixture: ComponentFixture<unknown>,
  selector: string,
  value: string,
): Promise<void> {
  const input = find<HTMLInputElement>(fixture, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await fixture.whenStable();
}

export async function click(fixture: ComponentFixture<unknown>, selector: string): Promise<void> {
  find<HTMLElement>(fixture, selector).click();
  await fixture.whenStable();
}

/**
 * Lets promises that no pending task tracks (main's events, a refresh they start) run out, then
 * waits for the view.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}
