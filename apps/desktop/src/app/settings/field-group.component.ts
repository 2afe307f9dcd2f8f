import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { FieldGroup } from './field-groups';
import { fieldControl, type FieldControls, type FieldControl } from './settings-form';
import type { ProblemMap } from './settings-problems';
import { problemKey } from './settings-problems';
import { SettingFieldComponent } from './setting-field.component';

/** A titled box of settings fields; what it projects (the secret) follows the fields. */
@Component({
  selector: 'bwdc-field-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SettingFieldComponent],
  template: `
    <fieldset>
      <legend>{{ group().title }}</legend>
      @for (field of group().fields; track field.name) {
        <bwdc-setting-field
          [section]="section()"
          [field]="field"
          [control]="controlOf(field.name)"
          [problems]="problems()[problemKeyOf(field.name)] ?? []"
        />
      }
      <ng-content />
    </fieldset>
  `,
  styles: `
    fieldset {
      display: grid;
      gap: 0.75rem;
      margin: 0 0 1rem;
      border: 1px solid var(--border, #ccc);
      border-radius: 4px;
    }
  `,
})
export class FieldGroupComponent {
  readonly section = input.required<'directory' | 'sync'>();
  readonly group = input.required<FieldGroup>();
  readonly controls = input.required<FieldControls>();
  readonly problems = input.required<ProblemMap>();

  controlOf(name: string): FieldControl {
    return fieldControl(this.controls(), name);
  }

  problemKeyOf(name: string): string {
    return problemKey(this.section(), name);
  }
}
