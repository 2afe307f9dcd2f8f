import type { ComponentFixture } from '@angular/core/testing';

import type { PlanView } from '../../shared/plan-view';
import { ConnectorCallError } from '../../shared/connector-client';
import { click, find, textOf } from '../testing/dom';
import { deferred, FakeConnector } from '../testing/fake-connector';
import { member, planView } from '../testing/plan-view';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { PlanPreviewComponent } from './plan-preview.component';

describe('PlanPreviewComponent', () => {
  let connector: FakeConnector & { planSync: jest.Mock<Promise<PlanView>, []> };
  let fixture: ComponentFixture<PlanPreviewComponent>;

  beforeEach(async () => {
    connector = Object.assign(new FakeConnector(), {
      planSync: jest.fn(() => Promise.resolve(planView({ added: [member('alice')] }))),
    });
    connector.statusAnswer = loggedInStatus();
    fixture = await renderScreen(PlanPreviewComponent, connector);
  });

  const button = (): HTMLButtonElement => find(fixture, 'button.preview-changes');

  it('previews the next sync and lists what it does', async () => {
    expect(textOf(fixture, '.plan-summary')).toBeNull();

    await click(fixture, 'button.preview-changes');

    expect(connector.planSync).toHaveBeenCalledTimes(1);
    expect(textOf(fixture, '.section-added')).toBe('To add (1)');
    expect(textOf(fixture, '.plan-member .email')).toBe('alice@example.com');
  });

  it('is busy while main previews, and previews once', async () => {
    const answer = deferred<PlanView>();
    connector.planSync.mockReturnValueOnce(answer.promise);

    button().click();
    fixture.detectChanges();
    expect(button().disabled).toBe(true);
    expect(button().textContent?.trim()).toBe('Previewing…');
    await fixture.componentInstance.preview();
    expect(connector.planSync).toHaveBeenCalledTimes(1);

    answer.resolve(planView());
    await fixture.whenStable();
    expect(button().textContent?.trim()).toBe('Preview changes');
  });

  it('shows why a preview failed in place of the last one', async () => {
    await click(fixture, 'button.preview-changes');
    connector.planSync.mockRejectedValueOnce(
      new ConnectorCallError({
        message: 'The Bitwarden server refused the API key.',
        remedy: 'Log in again with the organization API key.',
        code: 'BITWARDEN_AUTH',
        side: 'bitwarden',
      }),
    );

    await click(fixture, 'button.preview-changes');

    expect(textOf(fixture, '.failure-message')).toBe('The Bitwarden server refused the API key.');
    expect(textOf(fixture, '.failure-remedy')).toBe('Log in again with the organization API key.');
    expect(textOf(fixture, '.plan-summary')).toBeNull();
  });
});
