import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { ConnectorBridge, TestView } from '../../shared/connector-bridge';
import { ConnectorCallError } from '../../shared/connector-client';
import { CONNECTOR } from '../connector.token';
import { click, find, textOf } from '../testing/dom';
import { deferred, FakeConnector } from '../testing/fake-connector';
import { TestNowComponent } from './test-now.component';
import { testView, user } from '../testing/test-view';

const VIEW = testView({ enabledUsers: [user('alice', 'alice@example.com', 'CN=Alice')] });

describe('TestNowComponent', () => {
  let tests: Parameters<ConnectorBridge['test']>[0][];
  let testAnswer: () => Promise<TestView>;
  let fixture: ComponentFixture<TestNowComponent>;

  beforeEach(async () => {
    tests = [];
    testAnswer = () => Promise.resolve(VIEW);
    // The login fake, answering `test` as well.
    const connector: ConnectorBridge = Object.assign(new FakeConnector(), {
      test(options: Parameters<ConnectorBridge['test']>[0]): Promise<TestView> {
        tests.push(options);
        return testAnswer();
      },
    });
    TestBed.configureTestingModule({ providers: [{ provide: CONNECTOR, useValue: connector }] });
    fixture = TestBed.createComponent(TestNowComponent);
    await fixture.whenStable();
  });

  const testButton = (): HTMLButtonElement => find(fixture, 'button.test-now');
  const sinceLastBox = (): HTMLInputElement => find(fixture, '#since-last');

  it('tests the whole directory by default and lists what it found', async () => {
    expect(sinceLastBox().checked).toBe(false);
    expect(textOf(fixture, '[role="tab"]')).toBeNull();

    await click(fixture, 'button.test-now');

    expect(tests).toEqual([{ sinceLast: false }]);
    expect(textOf(fixture, '[role="tab"]')).toBe('Enabled users (1)');
    expect(textOf(fixture, '.user .email')).toBe('alice@example.com');
  });

  it('tests only what changed since the last sync when asked', async () => {
    await click(fixture, '#since-last');
    expect(sinceLastBox().checked).toBe(true);
    await click(fixture, 'button.test-now');

    await click(fixture, '#since-last');
    await click(fixture, 'button.test-now');

    expect(tests).toEqual([{ sinceLast: true }, { sinceLast: false }]);
  });

  it('is busy while main tests, and tests once', async () => {
    const answer = deferred<TestView>();
    testAnswer = () => answer.promise;

    // Not `click`: its `whenStable` would wait for this very test.
    testButton().click();
    fixture.detectChanges();
    expect(testButton().disabled).toBe(true);
    expect(testButton().textContent?.trim()).toBe('Testing…');
    expect(sinceLastBox().disabled).toBe(true);

    await fixture.componentInstance.test();
    expect(tests).toHaveLength(1);

    answer.resolve(VIEW);
    await fixture.whenStable();
    expect(testButton().disabled).toBe(false);
    expect(testButton().textContent?.trim()).toBe('Test now');
    expect(textOf(fixture, '.user .email')).toBe('alice@example.com');
  });

  it('shows the message and remedy of a failed test, in place of earlier results', async () => {
    await click(fixture, 'button.test-now');
    testAnswer = () =>
      Promise.reject(
        new ConnectorCallError({
          message: 'The directory refused the bind.',
          remedy: 'Check the bind user and password in the directory settings.',
          code: 'DIRECTORY_AUTH',
          side: 'directory',
        }),
      );

    await click(fixture, 'button.test-now');

    expect(textOf(fixture, '.failure-message')).toBe('The directory refused the bind.');
    expect(textOf(fixture, '.failure-remedy')).toBe(
      'Check the bind user and password in the directory settings.',
    );
    expect(textOf(fixture, '[role="tab"]')).toBeNull();
    expect(testButton().disabled).toBe(false);
  });

  it('shows the message alone when a failure has no remedy, and clears it on the next test', async () => {
    testAnswer = () => Promise.reject(new Error('The connection to main was lost.'));
    await click(fixture, 'button.test-now');

    expect(textOf(fixture, '.failure-message')).toBe('The connection to main was lost.');
    expect(textOf(fixture, '.failure-remedy')).toBeNull();

    testAnswer = () => Promise.resolve(VIEW);
    await click(fixture, 'button.test-now');

    expect(textOf(fixture, '[role="alert"]')).toBeNull();
    expect(textOf(fixture, '[role="tab"]')).toBe('Enabled users (1)');
  });
});
