import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AppState } from '../state/app-state.service';
import { serverText } from './server-text';

/** Which app this is, and which organization, server and profile it syncs. */
@Component({
  selector: 'bwdc-about',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section>
      <h2>About</h2>
      @if (status(); as status) {
        <dl>
          <dt>Version</dt>
          <dd class="app-version">{{ status.version }}</dd>
          <dt>Organization</dt>
          <dd class="organization-id">{{ status.organizationId ?? 'Not logged in' }}</dd>
          <dt>Server</dt>
          <dd class="server">{{ server() }}</dd>
          <dt>Profile</dt>
          <dd class="profile">{{ status.profile }}</dd>
        </dl>
      }
    </section>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }

    dt {
      font-weight: bold;
    }

    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class AboutComponent {
  readonly status = inject(AppState).status;
  readonly server = computed(() => serverText(this.status()?.server ?? null));
}
