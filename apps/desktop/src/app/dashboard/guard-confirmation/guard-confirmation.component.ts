import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import type { GuardRefusalView } from '../../../shared/sync-now-view';
import { countOf, DISPLAY_FORMAT, formatCount } from '../../format/display-format';
import { ConfirmedActionComponent } from '../../more/confirmed-action.component';
import { REMOVAL_REASONS } from '../removal-reason-text';

/** Removals listed at once; a deletion that big is read in the preview, not here. */
export const LISTED_REMOVALS = 200;

/**
 * Sync now refused by a guard (too many removals, or an empty read after a sync that had users):
 * what the sync would do, and a second explicit click to do it anyway. Nothing was sent yet.
 */
@Component({
  selector: 'bwdc-guard-confirmation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConfirmedActionComponent],
  template: `
    <div class="guard-refusal" role="alert">
      <p class="guard-headline">{{ headline() }}</p>
      <bwdc-confirmed-action
        name="force-sync"
        [label]="confirmLabel()"
        busyLabel="Syncing…"
        [question]="question()"
        [withButton]="false"
        [open]="true"
        [busy]="busy()"
        (openChange)="$event || cancelled.emit()"
        (confirmed)="confirmed.emit()"
      >
        @if (removals(); as removals) {
          <ul class="guard-removals">
            @for (removal of removals.listed; track $index) {
              <li class="guard-removal">
                <span class="email">{{ removal.email || removal.externalId }}</span>
                <span class="why">{{ removal.why }}</span>
              </li>
            }
          </ul>
          @if (removals.more > 0) {
            <p class="guard-more">
              and {{ count(removals.more) }} more (Preview changes lists them all).
            </p>
          }
        }
        <p class="guard-remedy">{{ refusal().remedy }}</p>
      </bwdc-confirmed-action>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .guard-headline {
      font-weight: bold;
    }

    .guard-removals {
      max-height: 16rem;
      overflow-y: auto;
      padding-left: 1.25rem;
    }

    .guard-removal {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
    }

    .why,
    .guard-remedy {
      color: var(--muted, #666);
    }
  `,
})
export class GuardConfirmationComponent {
  private readonly format = inject(DISPLAY_FORMAT);

  readonly refusal = input.required<GuardRefusalView>();
  /** The forced sync is with main. */
  readonly busy = input(false);
  readonly confirmed = output();
  readonly cancelled = output();

  readonly headline = computed(() => {
    const refusal = this.refusal();
    if (refusal.reason === 'empty-read') {
      return `Sync now was refused: the directory returned no users, where the last sync had ${countOf(refusal.lastSyncUsers, 'user', this.format)}. Nothing was sent.`;
    }
    return `Sync now was refused by the deletion guard: it would remove ${this.count(refusal.removals.length)} of ${countOf(refusal.organizationMembers, 'member', this.format)} (limit ${this.count(refusal.limit)}). Nothing was sent.`;
  });

  readonly confirmLabel = computed(() => {
    const refusal = this.refusal();
    return refusal.reason === 'empty-read'
      ? 'Sync anyway'
      : `Remove ${countOf(refusal.removals.length, 'member', this.format)} and sync`;
  });

  readonly question = computed(() =>
    this.refusal().reason === 'empty-read'
      ? 'Confirm syncing an empty directory'
      : 'Confirm removing these members',
  );

  readonly removals = computed(() => {
    const refusal = this.refusal();
    if (refusal.reason === 'empty-read') {
      return null;
    }
    return {
      listed: refusal.removals.slice(0, LISTED_REMOVALS).map((removal) => ({
        email: removal.email,
        externalId: removal.externalId,
        why: REMOVAL_REASONS[removal.reason],
      })),
      more: Math.max(refusal.removals.length - LISTED_REMOVALS, 0),
    };
  });

  count(value: number): string {
    return formatCount(value, this.format);
  }
}
