import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  PendingTasks,
  signal,
} from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { FailureAlertComponent } from '../failure-alert.component';
import { fieldControl, type FieldControls, type SecretControls } from './settings-form';

/**
 * Google Workspace: fills the client email and the private key from the service account's JSON
 * key file, as an edit of the form (kept only with Save), so nobody pastes a PEM by hand.
 */
@Component({
  selector: 'bwdc-key-file-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent],
  template: `
    <div class="key-file-import">
      <button type="button" class="import-key-file" [disabled]="busy()" (click)="importKeyFile()">
        Import JSON key file…
      </button>
      @if (imported(); as clientEmail) {
        <p class="key-imported" role="status">
          The key of {{ clientEmail }} is filled in; Save keeps it.
        </p>
      }
      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </div>
  `,
})
export class KeyFileImportComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);

  readonly fields = input.required<FieldControls>();
  readonly secret = input.required<SecretControls>();
  readonly busy = signal(false);
  readonly imported = signal<string | null>(null);
  readonly failure = signal<Failure | null>(null);

  async importKeyFile(): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    this.imported.set(null);
    const done = this.pendingTasks.add();
    try {
      const path = await this.connector.pickFile({ title: 'Service account JSON key file' });
      if (path === null) {
        return;
      }
      const key = await this.connector.readServiceAccountKey(path);
      fieldControl(this.fields(), 'clientEmail').setValue(key.clientEmail);
      this.secret().controls.value.setValue(key.privateKey);
      this.secret().controls.remove.setValue(false);
      this.imported.set(key.clientEmail);
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
