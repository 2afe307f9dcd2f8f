import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  output,
  viewChild,
} from '@angular/core';

/** Asks what to do with unsaved settings before the screen or the profile changes. */
@Component({
  selector: 'bwdc-unsaved-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'keep.emit()' },
  template: `
    <div class="backdrop">
      <section
        class="unsaved-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-description"
      >
        <p id="unsaved-title"><strong>You have unsaved changes.</strong></p>
        <p id="unsaved-description">Discard them, or keep editing and save them first.</p>
        <div class="actions">
          <button #keepButton type="button" class="keep-editing" (click)="keep.emit()">
            Keep editing
          </button>
          <button type="button" class="discard-changes" (click)="discard.emit()">
            Discard changes
          </button>
        </div>
      </section>
    </div>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 40%);
    }

    .unsaved-dialog {
      max-width: 28rem;
      padding: 1rem 1.5rem;
      background: Canvas;
      color: CanvasText;
      border-radius: 6px;
    }

    .actions {
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
    }
  `,
})
export class UnsavedDialogComponent {
  readonly discard = output();
  /** Stay on the form with the edits (also Escape). */
  readonly keep = output();

  private readonly keepButton = viewChild.required<ElementRef<HTMLButtonElement>>('keepButton');

  constructor() {
    // The safe answer has the focus: Enter does not throw edits away.
    afterNextRender(() => this.keepButton().nativeElement.focus());
  }
}
