import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { Failure } from './failure';

/** A failed call as every screen shows it: what went wrong and, when main knows it, what to do. */
@Component({
  selector: 'bwdc-failure-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="failure" role="alert">
      <p class="failure-message">{{ failure().message }}</p>
      @if (failure().remedy) {
        <p class="failure-remedy">{{ failure().remedy }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .failure {
      color: var(--danger, #b00020);
    }
  `,
})
export class FailureAlertComponent {
  readonly failure = input.required<Failure>();
}
