import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  input,
  model,
  output,
  viewChild,
} from '@angular/core';

/**
 * A button whose action runs only after a second, explicit click in a panel that says what it
 * does (log out, clear the sync cache). `name` gives the buttons their classes: `<name>`,
 * `confirm-<name>` and `cancel-<name>`; the projected content is the consequence to read. With
 * `withButton` false there is no first button: the panel alone, opened by whoever asks (a sync
 * the deletion guard refused), and Cancel closes it.
 */
@Component({
  selector: 'bwdc-confirmed-action',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (withButton()) {
      <button
        #trigger
        type="button"
        [class]="name()"
        [attr.aria-controls]="name() + '-confirmation'"
        [attr.aria-expanded]="open()"
        [disabled]="busy()"
        (click)="open.set(!open())"
      >
        {{ label() }}
      </button>
    }
    @if (open()) {
      <div
        [id]="name() + '-confirmation'"
        class="confirmation"
        role="group"
        [attr.aria-label]="question()"
      >
        <ng-content />
        <button
          type="button"
          [class]="'confirm-' + name()"
          [disabled]="busy()"
          (click)="confirmed.emit()"
        >
          {{ busy() ? busyLabel() : label() }}
        </button>
        <button type="button" [class]="'cancel-' + name()" [disabled]="busy()" (click)="cancel()">
          Cancel
        </button>
      </div>
    }
  `,
  styles: `
    .confirmation {
      margin-top: 0.5rem;
      padding: 0.5rem 1rem;
      border: 1px solid var(--border, #ccc);
    }
  `,
})
export class ConfirmedActionComponent {
  readonly name = input.required<string>();
  readonly label = input.required<string>();
  readonly busyLabel = input.required<string>();
  /** The panel's accessible name. */
  readonly question = input.required<string>();
  readonly busy = input(false);
  /** Whether the first button is there; without it the panel is shown by setting `open`. */
  readonly withButton = input(true);
  readonly open = model(false);
  readonly confirmed = output();

  private readonly trigger = viewChild<ElementRef<HTMLButtonElement>>('trigger');

  cancel(): void {
    this.open.set(false);
    this.trigger()?.nativeElement.focus();
  }
}
