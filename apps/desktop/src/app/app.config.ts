import { type ApplicationConfig, provideZonelessChangeDetection } from '@angular/core';

/**
 * Zoneless change detection (Angular's default since v21, stated so no one adds zone.js back).
 * `CONNECTOR` needs no provider: its token factory reads `window.connector`.
 */
export const appConfig: ApplicationConfig = {
  providers: [provideZonelessChangeDetection()],
};
