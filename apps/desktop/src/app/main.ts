import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app.component';
import { appConfig } from './app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // The renderer has no other place to report a failed start; main's console shows it.
  // eslint-disable-next-line no-console
  console.error(error);
});
