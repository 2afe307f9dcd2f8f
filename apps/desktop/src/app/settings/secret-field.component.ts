import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import type { DirectoryType } from '@bwdc/core';

import type { DirectoryForm } from '../../shared/settings-view';
import { secretLabel } from './directory-labels';
import type { SecretControls } from './settings-form';

/**
 * The directory's secret (kept in the keychain): never shown, only replaced or removed. Left
 * empty, the stored one stays.
 */
@Component({
  selector: 'bwdc-secret-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  template: `
    <div class="setting">
      <label for="field-secret">{{ label() }}</label>
      <input
        id="field-secret"
        type="password"
        autocomplete="new-password"
        [formControl]="controls().controls.value"
        [placeholder]="secret().isSet ? 'Stored securely — leave empty to keep' : ''"
      />
      @if (secret().isSet) {
        <label class="checkbox">
          <input id="remove-secret" type="checkbox" [formControl]="controls().controls.remove" />
          Remove the stored {{ label().toLowerCase() }}
        </label>
      }
    </div>
  `,
  styles: `
    .setting {
      display: grid;
      gap: 0.25rem;
    }

    .checkbox {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
  `,
})
export class SecretFieldComponent {
  readonly type = input.required<DirectoryType>();
  readonly secret = input.required<NonNullable<DirectoryForm['secret']>>();
  readonly controls = input.required<SecretControls>();

  readonly label = computed(() => secretLabel(this.type()));
}
