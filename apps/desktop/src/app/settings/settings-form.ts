import { computed, type Signal, signal, type WritableSignal } from '@angular/core';
import { FormControl, FormGroup, FormRecord } from '@angular/forms';
import type { DirectoryType } from '@bwdc/core';

import type {
  DirectoryForm,
  FieldView,
  SettingsChange,
  SettingsView,
} from '../../shared/settings-view';
import { type FieldInput, fieldValidator, inputOf, parseInput } from './field-value';
import { problemKey } from './settings-problems';

export type FieldControl = FormControl<FieldInput>;
export type FieldControls = FormRecord<FieldControl>;
export type SecretControls = FormGroup<{
  /** A new secret; empty leaves the stored one as it is. */
  value: FormControl<string>;
  remove: FormControl<boolean>;
}>;

/**
 * The settings form over one read of main's settings: a control for every field of every
 * directory (so switching the type back and forth keeps what was typed), the sync options, and
 * each directory's new secret. Dirty means different from that read, not merely touched.
 */
export class SettingsForm {
  /** The chosen directory type; '' while none is. */
  readonly directoryType: FormControl<string>;
  readonly sharedSync: FieldControls;
  private readonly directories = new FormRecord<FieldControls>({});
  private readonly providerSync = new FormRecord<FieldControls>({});
  private readonly secrets = new FormRecord<SecretControls>({});
  private readonly root: FormGroup;
  private cleanValue: string;
  private readonly typeChosen: WritableSignal<string>;
  private readonly edited = signal(false);

  /** The chosen directory's form, or null while none is chosen. */
  readonly chosen: Signal<DirectoryForm | null>;
  readonly dirty = this.edited.asReadonly();
  /** The `<section>.<field>` keys of the fields on show, where main's problems can go. */
  readonly shownKeys: Signal<ReadonlySet<string>>;
  /** The chosen directory's own sync options. */
  readonly chosenSyncControls: Signal<FieldControls | null>;

  constructor(readonly view: SettingsView) {
    this.directoryType = new FormControl(view.directoryType ?? '', { nonNullable: true });
    this.sharedSync = controlsOf(view.forms.sync, view.sync);
    for (const form of view.forms.directories) {
      this.directories.addControl(
        form.type,
        controlsOf(form.fields, view.directories[form.type] ?? {}),
      );
      this.providerSync.addControl(form.type, controlsOf(form.syncFields, view.sync));
      if (form.secret !== null) {
        this.secrets.addControl(form.type, secretControls());
      }
    }
    this.root = new FormGroup({
      directoryType: this.directoryType,
      sharedSync: this.sharedSync,
      directories: this.directories,
      providerSync: this.providerSync,
      secrets: this.secrets,
    });
    this.cleanValue = this.current();
    this.typeChosen = signal(this.directoryType.value);
    this.chosen = computed(() => this.formOf(this.typeChosen()));
    this.shownKeys = computed(() => this.keysShown(this.chosen()));
    this.chosenSyncControls = computed(() => {
      const form = this.chosen();
      return form === null ? null : this.providerSyncControls(form.type);
    });
    // The form lives as long as this object: the subscription goes with it.
    this.root.valueChanges.subscribe(() => {
      this.typeChosen.set(this.directoryType.value);
      this.edited.set(this.current() !== this.cleanValue);
    });
  }

  directoryControls(type: DirectoryType): FieldControls {
    return required(this.directories.controls[type], type);
  }

  providerSyncControls(type: DirectoryType): FieldControls {
    return required(this.providerSync.controls[type], type);
  }

  secretControls(type: DirectoryType): SecretControls | null {
    return this.secrets.controls[type] ?? null;
  }

  /**
   * What Save sends: the chosen directory's fields, the shared sync options with the chosen
   * provider's, and the secret only when it changes. Null when a field on show cannot be read;
   * its message then shows under it.
   */
  change(): SettingsChange | null {
    const form = this.chosen();
    const sharedSync = valuesOf(this.view.forms.sync, this.sharedSync);
    const providerSync =
      form === null ? {} : valuesOf(form.syncFields, this.providerSyncControls(form.type));
    const directory = form === null ? {} : valuesOf(form.fields, this.directoryControls(form.type));
    if (sharedSync === null || providerSync === null || directory === null) {
      this.sharedSync.markAllAsTouched();
      if (form !== null) {
        this.providerSyncControls(form.type).markAllAsTouched();
        this.directoryControls(form.type).markAllAsTouched();
      }
      return null;
    }
    const change: SettingsChange = {
      directoryType: form?.type ?? null,
      directory,
      sync: { ...sharedSync, ...providerSync },
    };
    const secret = form === null ? undefined : this.secretChange(form.type);
    return secret === undefined ? change : { ...change, secret };
  }

  /** What is on the form now is what main holds (after a save). */
  markClean(): void {
    this.cleanValue = this.current();
    this.edited.set(false);
  }

  private secretChange(type: DirectoryType): string | null | undefined {
    const controls = this.secretControls(type);
    if (controls === null) {
      return undefined;
    }
    const { value, remove } = controls.getRawValue();
    if (remove) {
      return null;
    }
    return value === '' ? undefined : value;
  }

  private formOf(type: string): DirectoryForm | null {
    return this.view.forms.directories.find((form) => form.type === type) ?? null;
  }

  private keysShown(form: DirectoryForm | null): ReadonlySet<string> {
    const keys = this.view.forms.sync.map((field) => problemKey('sync', field.name));
    if (form !== null) {
      keys.push(...form.syncFields.map((field) => problemKey('sync', field.name)));
      keys.push(...form.fields.map((field) => problemKey('directory', field.name)));
    }
    return new Set(keys);
  }

  private current(): string {
    return JSON.stringify(this.root.getRawValue());
  }
}

/** A control for `controls[name]`; the form builds one for every field it was given. */
export function fieldControl(controls: FieldControls, name: string): FieldControl {
  return required(controls.controls[name], name);
}

function controlsOf(
  fields: readonly FieldView[],
  values: Readonly<Record<string, unknown>>,
): FieldControls {
  return new FormRecord<FieldControl>(
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        new FormControl<FieldInput>(inputOf(field, values[field.name]), {
          nonNullable: true,
          validators: [fieldValidator(field)],
        }),
      ]),
    ),
  );
}

function secretControls(): SecretControls {
  const value = new FormControl('', { nonNullable: true });
  const remove = new FormControl(false, { nonNullable: true });
  // A secret about to be removed cannot also be replaced.
  remove.valueChanges.subscribe((removing) => {
    if (removing) {
      value.disable();
    } else {
      value.enable();
    }
  });
  return new FormGroup({ value, remove });
}

function valuesOf(
  fields: readonly FieldView[],
  controls: FieldControls,
): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = parseInput(field, fieldControl(controls, field.name).value);
    if (!parsed.ok) {
      return null;
    }
    values[field.name] = parsed.value;
  }
  return values;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(`The settings form has no control for ${name}.`);
  }
  return value;
}
