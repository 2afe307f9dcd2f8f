import type { KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';

import type { MenuActions } from '../menu-actions';

/** Actions that record what a menu asked for. */
export function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    showWindow: () => calls.push('showWindow'),
    syncNow: () => calls.push('syncNow'),
    quit: () => calls.push('quit'),
    openExternal: (url) => calls.push(`openExternal ${url}`),
    setTrayOption: (option, value) => calls.push(`setTrayOption ${option} ${String(value)}`),
  };
  return { actions, calls };
}

/** The item with this label, anywhere in the template. */
export function itemLabelled(
  template: readonly MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions {
  const found = findItem(template, label);
  if (found === undefined) {
    throw new Error(`No menu item labelled ${label}`);
  }
  return found;
}

function findItem(
  template: readonly MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) {
      return item;
    }
    const inner = Array.isArray(item.submenu) ? findItem(item.submenu, label) : undefined;
    if (inner !== undefined) {
      return inner;
    }
  }
  return undefined;
}

/** Clicks an item as Electron does; a checkbox has already flipped `checked` by then. */
export function click(item: MenuItemConstructorOptions): void {
  const checked = item.type === 'checkbox' ? !item.checked : Boolean(item.checked);
  item.click?.({ checked } as MenuItem, undefined, {} as KeyboardEvent);
}

/** A submenu's labels and roles, separators as '-'. */
export function entriesOf(item: MenuItemConstructorOptions): string[] {
  const submenu = Array.isArray(item.submenu) ? item.submenu : [];
  return submenu.map((entry) =>
    entry.type === 'separator' ? '-' : (entry.label ?? `role:${String(entry.role)}`),
  );
}
