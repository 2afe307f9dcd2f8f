import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Directory and sync settings of the active profile, and the profiles. */
@Component({
  selector: 'bwdc-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<section><h2>Settings</h2></section>`,
})
export class SettingsComponent {}
