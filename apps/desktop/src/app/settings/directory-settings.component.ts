import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { DirectoryForm } from '../../shared/settings-view';
import { DIRECTORY_LABELS } from './directory-labels';
import { FieldGroupComponent } from './field-group.component';
import { directoryGroups } from './field-groups';
import { KeyFileImportComponent } from './key-file-import.component';
import { SecretFieldComponent } from './secret-field.component';
import type { FieldControls, SecretControls } from './settings-form';
import type { ProblemMap } from './settings-problems';

/** The chosen directory's connection settings and its secret. */
@Component({
  selector: 'bwdc-directory-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldGroupComponent, KeyFileImportComponent, SecretFieldComponent],
  template: `
    @if (form().available) {
      @for (group of groups(); track group.title) {
        <bwdc-field-group
          section="directory"
          [group]="group"
          [controls]="controls()"
          [problems]="problems()"
        >
          @if (group.withSecret && form().secret; as secret) {
            @if (secretControls(); as secretControls) {
              <bwdc-secret-field
                [type]="form().type"
                [secret]="secret"
                [controls]="secretControls"
              />
              @if (form().type === 'gsuite') {
                <bwdc-key-file-import [fields]="controls()" [secret]="secretControls" />
              }
            }
          }
        </bwdc-field-group>
      }
    } @else {
      <p class="coming">
        {{ label() }} comes in a later version of the Directory Connector; it cannot be set up yet.
      </p>
    }
  `,
})
export class DirectorySettingsComponent {
  readonly form = input.required<DirectoryForm>();
  readonly controls = input.required<FieldControls>();
  readonly secretControls = input.required<SecretControls | null>();
  readonly problems = input.required<ProblemMap>();

  readonly groups = computed(() => directoryGroups(this.form()));
  readonly label = computed(() => DIRECTORY_LABELS[this.form().type]);
}
