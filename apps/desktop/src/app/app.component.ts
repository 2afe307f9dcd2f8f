import { ChangeDetectionStrategy, Component, signal } from '@angular/core';

import { TestNowComponent } from './dashboard/test-now.component';
import { LoginComponent } from './login/login.component';
import type { ServerSettings } from './server-settings/server-settings';
import { ServerSettingsComponent } from './server-settings/server-settings.component';

/**
 * The renderer's shell. For now: the login screen, the server settings dialog over it, and
 * "Test now" once logged in (the rest of the dashboard, settings and routing come next).
 */
@Component({
  selector: 'bwdc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoginComponent, ServerSettingsComponent, TestNowComponent],
  template: `
    @if (organizationId(); as organizationId) {
      <main>
        <p class="logged-in">Logged in to organization {{ organizationId }}.</p>
        <bwdc-test-now />
      </main>
    } @else {
      <main>
        <bwdc-login
          (loggedIn)="organizationId.set($event.organizationId)"
          (serverSettingsRequested)="serverSettingsOpen.set(true)"
        />
      </main>
      @if (serverSettingsOpen()) {
        <div class="backdrop">
          <bwdc-server-settings
            [initial]="serverSettings()"
            (saved)="saveServerSettings($event)"
            (cancelled)="serverSettingsOpen.set(false)"
          />
        </div>
      }
    }
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 40%);
    }
  `,
})
export class AppComponent {
  readonly organizationId = signal<string | null>(null);
  readonly serverSettingsOpen = signal(false);
  /** Held here until the settings reach the data file through the bridge (issue 7, later). */
  readonly serverSettings = signal<ServerSettings | null>(null);

  saveServerSettings(settings: ServerSettings): void {
    this.serverSettings.set(settings);
    this.serverSettingsOpen.set(false);
  }
}
