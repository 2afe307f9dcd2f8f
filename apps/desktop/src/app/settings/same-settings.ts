import type { SettingsView } from '../../shared/settings-view';

/**
 * Whether two reads hold the same settings, the list of profiles aside (adding a profile changes
 * nothing on this form). Main builds views in a fixed order, so their JSON compares.
 */
export function sameSettings(a: SettingsView, b: SettingsView): boolean {
  return JSON.stringify({ ...a, profiles: [] }) === JSON.stringify({ ...b, profiles: [] });
}
