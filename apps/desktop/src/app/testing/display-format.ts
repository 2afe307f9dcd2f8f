import type { Provider } from '@angular/core';

import { DISPLAY_FORMAT, type DisplayFormat } from '../format/display-format';

/** British English in UTC: a 24-hour clock and no time zone of the machine's in the text. */
export const TEST_DISPLAY_FORMAT: DisplayFormat = { locale: 'en-GB', timeZone: 'UTC' };

export function provideTestDisplayFormat(): Provider {
  return { provide: DISPLAY_FORMAT, useValue: TEST_DISPLAY_FORMAT };
}
