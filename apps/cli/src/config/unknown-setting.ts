import { ConfigSettingError } from './config-setting.error';
import { SETTINGS } from './setting-catalogue';

const MAX_SUGGESTIONS = 5;

/**
 * Upstream's "Unknown setting." with a way forward: the closest names (a typo, a missing
 * `ldap.` or `sync.` prefix), else every setting of the same group, else every setting.
 */
export function unknownSetting(name: string): ConfigSettingError {
  const typed = name.trim().toLowerCase();
  const close = closestSettings(typed);
  const group = typed.includes('.') ? `${typed.slice(0, typed.indexOf('.'))}.` : null;
  const sameGroup = group
    ? SETTINGS.map((setting) => setting.name).filter((candidate) =>
        candidate.toLowerCase().startsWith(group),
      )
    : [];
  const remedy =
    close.length > 0
      ? `Did you mean ${close.join(', ')}? Run bwdc config --list to see every setting.`
      : sameGroup.length > 0
        ? `The ${group ?? ''}* settings are ${sameGroup.join(', ')}.`
        : `Valid settings: ${SETTINGS.map((setting) => setting.name).join(', ')}.`;
  return new ConfigSettingError('SETTING_UNKNOWN', `Unknown setting '${name}'.`, remedy);
}

function closestSettings(typed: string): string[] {
  const field = typed.slice(typed.lastIndexOf('.') + 1);
  return SETTINGS.map((setting) => {
    const candidate = setting.name.toLowerCase();
    const candidateField = candidate.slice(candidate.lastIndexOf('.') + 1);
    const distance = Math.min(
      editDistance(typed, candidate),
      // `hostname` for `ldap.hostname`, `ldp.hostname` too.
      field === candidateField ? 1 : Number.POSITIVE_INFINITY,
    );
    return { name: setting.name, distance };
  })
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(typed.length / 5)))
    .sort((left, right) => left.distance - right.distance)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ name }) => name);
}

/** Levenshtein distance, one row at a time. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
