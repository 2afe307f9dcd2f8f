import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  type OnInit,
  output,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';

import { problemShown } from '../forms/problem-shown';
import { CLOUD_PRESETS, type CloudPreset, type ServerSettings } from './server-settings';
import { normaliseServerUrl, type ServerUrlProblem, serverUrlValidator } from './server-url';

/** One server URL, or the API and identity URLs apart. */
type Mode = 'server' | 'custom';

const urlControl = (): FormControl<string> =>
  new FormControl('', { nonNullable: true, validators: [serverUrlValidator] });

/** The server settings dialog (upstream's EnvironmentComponent), with the cloud presets. */
@Component({
  selector: 'bwdc-server-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './server-settings.component.html',
  styleUrl: './server-settings.component.css',
})
export class ServerSettingsComponent implements OnInit {
  /** The settings in force, to edit; null for the US cloud default. */
  readonly initial = input<ServerSettings | null>(null);
  readonly saved = output<ServerSettings>();
  readonly cancelled = output();

  readonly form = new FormGroup({
    mode: new FormControl<Mode>('server', { nonNullable: true }),
    base: urlControl(),
    api: urlControl(),
    identity: urlControl(),
  });

  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });
  readonly canSave = computed(() => this.status() === 'VALID');
  readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });

  readonly baseError = problemShown(this.form.controls.base, urlMessage('the server URL'));
  readonly apiError = problemShown(this.form.controls.api, urlMessage('the API server URL'));
  readonly identityError = problemShown(
    this.form.controls.identity,
    urlMessage('the identity server URL'),
  );

  constructor() {
    // Only the fields of the chosen mode count: a disabled control is neither validated nor saved.
    this.form.controls.mode.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((mode) => this.enableFieldsOf(mode));
    this.enableFieldsOf(this.form.controls.mode.value);
  }

  ngOnInit(): void {
    const initial = this.initial();
    if (initial === null) {
      return;
    }
    if ('base' in initial) {
      this.form.setValue({ mode: 'server', base: initial.base, api: '', identity: '' });
    } else {
      this.form.setValue({ mode: 'custom', base: '', ...initial });
    }
  }

  usePreset(preset: CloudPreset): void {
    this.form.controls.mode.setValue('custom');
    this.form.patchValue(CLOUD_PRESETS[preset]);
  }

  save(): void {
    if (!this.canSave()) {
      this.form.markAllAsTouched();
      return;
    }
    const { mode, base, api, identity } = this.form.getRawValue();
    this.saved.emit(
      mode === 'server'
        ? { base: normalised(base) }
        : { api: normalised(api), identity: normalised(identity) },
    );
  }

  private enableFieldsOf(mode: Mode): void {
    const { base, api, identity } = this.form.controls;
    for (const [control, enabled] of [
      [base, mode === 'server'],
      [api, mode === 'custom'],
      [identity, mode === 'custom'],
    ] as const) {
      if (enabled) {
        control.enable({ emitEvent: false });
      } else {
        control.disable({ emitEvent: false });
      }
    }
    this.form.updateValueAndValidity();
  }
}

function urlMessage(field: string): (errors: Record<string, unknown>) => string | null {
  return (errors) => {
    const problem = errors['serverUrl'] as ServerUrlProblem | undefined;
    switch (problem) {
      case undefined:
        return null;
      case 'required':
        return `Enter ${field}.`;
      case 'invalid':
        return 'Enter a URL such as https://bitwarden.example.com, without a query or credentials.';
      case 'insecure':
        return 'Use https: plain http is allowed only for a server on this machine (localhost).';
    }
  };
}

/** A valid field always normalises to a URL. */
function normalised(value: string): string {
  return normaliseServerUrl(value) ?? value;
}
