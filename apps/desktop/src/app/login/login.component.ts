import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  PendingTasks,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { problemShown } from '../forms/problem-shown';
import { notBlank } from '../forms/not-blank';
import { type ClientIdProblem, clientIdValidator } from './client-id';
import { FailureAlertComponent } from '../failure-alert.component';

const CLIENT_ID_MESSAGES: Record<ClientIdProblem, string> = {
  required: "Enter the organization's client id.",
  notOrganization:
    'The API key must belong to an organization: its client id starts with "organization.".',
  malformed: 'The client id must read organization.<organization id>.',
};

/** Logs in with the organization's API key (upstream's ApiKeyComponent). */
@Component({
  selector: 'bwdc-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FailureAlertComponent],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
})
export class LoginComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);

  readonly form = new FormGroup({
    clientId: new FormControl('', { nonNullable: true, validators: [clientIdValidator] }),
    clientSecret: new FormControl('', { nonNullable: true, validators: [notBlank] }),
  });

  /** The organization the key belongs to, once main has accepted it. */
  readonly loggedIn = output<{ readonly organizationId: string }>();
  /** The user asked for the server settings dialog. */
  readonly serverSettingsRequested = output();

  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly secretVisible = signal(false);

  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });
  readonly canSubmit = computed(() => this.status() === 'VALID' && !this.busy());

  readonly clientIdError = problemShown(this.form.controls.clientId, (errors) => {
    const problem = errors['clientId'] as ClientIdProblem | undefined;
    return problem === undefined ? null : CLIENT_ID_MESSAGES[problem];
  });
  readonly clientSecretError = problemShown(this.form.controls.clientSecret, (errors) =>
    errors['notBlank'] === undefined ? null : 'Enter the client secret.',
  );

  toggleSecret(): void {
    this.secretVisible.update((visible) => !visible);
  }

  async logIn(): Promise<void> {
    if (!this.canSubmit()) {
      return;
    }
    const { clientId, clientSecret } = this.form.getRawValue();
    this.busy.set(true);
    this.failure.set(null);
    // The app is not stable while main works (`whenStable` waits for it).
    const done = this.pendingTasks.add();
    try {
      const result = await this.connector.login({
        clientId: clientId.trim(),
        clientSecret: clientSecret.trim(),
      });
      this.loggedIn.emit({ organizationId: result.organizationId });
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
