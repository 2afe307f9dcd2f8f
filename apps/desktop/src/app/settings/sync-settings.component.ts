import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { DirectoryForm, FieldView } from '../../shared/settings-view';
import { FieldGroupComponent } from './field-group.component';
import { providerSyncGroups, sharedSyncGroups } from './field-groups';
import type { FieldControls } from './settings-form';
import type { ProblemMap } from './settings-problems';

/** The sync options every directory shares, then the chosen directory's own. */
@Component({
  selector: 'bwdc-sync-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FieldGroupComponent],
  template: `
    @for (group of sharedGroups(); track group.title) {
      <bwdc-field-group
        section="sync"
        [group]="group"
        [controls]="controls()"
        [problems]="problems()"
      />
    }
    @if (providerControls(); as providerControls) {
      @for (group of providerGroups(); track group.title) {
        <bwdc-field-group
          section="sync"
          [group]="group"
          [controls]="providerControls"
          [problems]="problems()"
        />
      }
    }
  `,
})
export class SyncSettingsComponent {
  readonly fields = input.required<readonly FieldView[]>();
  readonly controls = input.required<FieldControls>();
  /** The chosen directory, whose own sync options follow the shared ones. */
  readonly directory = input.required<DirectoryForm | null>();
  readonly providerControls = input.required<FieldControls | null>();
  readonly problems = input.required<ProblemMap>();

  readonly sharedGroups = computed(() => sharedSyncGroups(this.fields()));
  readonly providerGroups = computed(() => {
    const directory = this.directory();
    return directory === null ? [] : providerSyncGroups(directory);
  });
}
