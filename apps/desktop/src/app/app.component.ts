import type { OnInit } from '@angular/core';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { CONNECTOR } from './connector.token';
import { DashboardComponent } from './dashboard/dashboard.component';
import { type Failure, failureOf } from './failure';
import { LoginComponent } from './login/login.component';
import { MoreComponent } from './more/more.component';
import type { ServerSettings } from './server-settings/server-settings';
import { ServerSettingsComponent } from './server-settings/server-settings.component';
import { SettingsComponent } from './settings/settings.component';
import { AppState } from './state/app-state.service';
import { LeaveGuard } from './state/leave-guard.service';

export type Screen = 'dashboard' | 'settings' | 'more';

const SCREENS: readonly { readonly screen: Screen; readonly label: string }[] = [
  { screen: 'dashboard', label: 'Dashboard' },
  { screen: 'settings', label: 'Settings' },
  { screen: 'more', label: 'More' },
];

/**
 * The renderer's shell: the login screen (with the server settings dialog) until an API key is
 * kept, then the dashboard, settings and more screens. What it shows follows main's status, so
 * a logout made with `bwdc` brings the login back.
 */
@Component({
  selector: 'bwdc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DashboardComponent,
    LoginComponent,
    MoreComponent,
    ServerSettingsComponent,
    SettingsComponent,
  ],
  template: `
    @if (state.status(); as status) {
      @if (status.loggedIn) {
        <header>
          <nav aria-label="Screens">
            @for (item of screens; track item.screen) {
              <button
                type="button"
                [class]="'nav-' + item.screen"
                [attr.aria-current]="screen() === item.screen ? 'page' : null"
                (click)="show(item.screen)"
              >
                {{ item.label }}
              </button>
            }
          </nav>
          <p class="logged-in">
            Organization {{ status.organizationId }} · profile {{ status.profile }}
          </p>
        </header>
        <main>
          @switch (screen()) {
            @case ('dashboard') {
              <bwdc-dashboard />
            }
            @case ('settings') {
              <bwdc-settings />
            }
            @case ('more') {
              <bwdc-more />
            }
          }
        </main>
      } @else {
        <main>
          <bwdc-login
            (loggedIn)="loggedIn()"
            (serverSettingsRequested)="serverSettingsOpen.set(true)"
          />
        </main>
        @if (serverSettingsOpen()) {
          <div class="backdrop">
            <bwdc-server-settings
              [initial]="status.server"
              (saved)="saveServerSettings($event)"
              (cancelled)="serverSettingsOpen.set(false)"
            />
          </div>
        }
      }
    } @else if (state.statusFailure(); as failure) {
      <main class="failure" role="alert">
        <p>{{ failure.message }}</p>
        <button type="button" class="retry" (click)="state.refresh()">Try again</button>
      </main>
    } @else {
      <main><p class="loading">Loading…</p></main>
    }
    @if (serverFailure(); as failure) {
      <p class="failure" role="alert">{{ failure.message }}</p>
    }
  `,
  styles: `
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid var(--border, #ccc);
    }

    nav {
      display: flex;
      gap: 0.25rem;
    }

    nav button[aria-current='page'] {
      font-weight: bold;
      text-decoration: underline;
    }

    main {
      padding: 1rem;
    }

    .backdrop {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 40%);
    }

    .failure {
      color: var(--danger, #b00020);
    }
  `,
})
export class AppComponent implements OnInit {
  private readonly connector = inject(CONNECTOR);
  private readonly guard = inject(LeaveGuard);
  readonly state = inject(AppState);
  readonly screens = SCREENS;
  readonly screen = signal<Screen>('dashboard');
  readonly serverSettingsOpen = signal(false);
  readonly serverFailure = signal<Failure | null>(null);

  ngOnInit(): void {
    void this.state.start();
  }

  async show(screen: Screen): Promise<void> {
    if (screen !== this.screen() && (await this.guard.canLeave())) {
      this.screen.set(screen);
    }
  }

  async loggedIn(): Promise<void> {
    this.screen.set('dashboard');
    await this.state.refresh();
  }

  async saveServerSettings(settings: ServerSettings): Promise<void> {
    this.serverFailure.set(null);
    try {
      await this.connector.setServer(settings);
      this.serverSettingsOpen.set(false);
      await this.state.refresh();
    } catch (error) {
      this.serverFailure.set(failureOf(error));
    }
  }
}
