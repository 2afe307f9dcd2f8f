import { InjectionToken } from '@angular/core';

/**
 * The locale and time zone numbers and times are shown in. `undefined` means the system's, which
 * is what the app wants; tests pass fixed ones so their text does not depend on the machine.
 */
export interface DisplayFormat {
  readonly locale: string | undefined;
  readonly timeZone: string | undefined;
}

export const DISPLAY_FORMAT = new InjectionToken<DisplayFormat>('DISPLAY_FORMAT', {
  providedIn: 'root',
  factory: () => ({ locale: undefined, timeZone: undefined }),
});

/** 1234 → "1,234" (in the locale's grouping). */
export function formatCount(count: number, format: DisplayFormat): string {
  return new Intl.NumberFormat(format.locale).format(count);
}

/** A count with its noun: "1 user", "1,234 users". The app's text is English, so "s" plurals. */
export function countOf(count: number, noun: string, format: DisplayFormat): string {
  return `${formatCount(count, format)} ${count === 1 ? noun : `${noun}s`}`;
}

/**
 * An ISO time as a local date and time to the second. Anything unreadable is shown as it came,
 * rather than failing the whole screen over one odd value.
 */
export function formatDateTime(iso: string, format: DisplayFormat): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: format.timeZone,
  }).format(time);
}

/** How long a run took: "0.4s", "12s", "2m 5s", "1h 3m"; "—" when the times make no sense. */
export function formatDuration(startIso: string, endIso: string, format: DisplayFormat): string {
  return formatMilliseconds(Date.parse(endIso) - Date.parse(startIso), format);
}

/** A length of time as `formatDuration` shows it; "—" when it makes no sense. */
export function formatMilliseconds(milliseconds: number, format: DisplayFormat): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    return '—';
  }
  const unit = (name: 'hour' | 'minute' | 'second', value: number, fractionDigits = 0): string =>
    new Intl.NumberFormat(format.locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'narrow',
      maximumFractionDigits: fractionDigits,
    }).format(value);

  const seconds = milliseconds / 1000;
  if (seconds < 10) {
    return unit('second', seconds, 1);
  }
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 60) {
    return unit('second', wholeSeconds);
  }
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) {
    return `${unit('minute', minutes)} ${unit('second', wholeSeconds % 60)}`;
  }
  return `${unit('hour', Math.floor(minutes / 60))} ${unit('minute', minutes % 60)}`;
}
