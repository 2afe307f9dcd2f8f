import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ConnectorCallError } from '../../shared/connector-client';
import { CONNECTOR } from '../connector.token';
import { click, fillIn, find, textOf } from '../testing/dom';
import { CLIENT_ID, deferred, FakeConnector, ORGANIZATION_ID } from '../testing/fake-connector';
import { LoginComponent } from './login.component';

describe('LoginComponent', () => {
  let connector: FakeConnector;
  let fixture: ComponentFixture<LoginComponent>;

  beforeEach(async () => {
    connector = new FakeConnector();
    TestBed.configureTestingModule({ providers: [{ provide: CONNECTOR, useValue: connector }] });
    fixture = TestBed.createComponent(LoginComponent);
    await fixture.whenStable();
  });

  const logInButton = (): HTMLButtonElement => find(fixture, 'button.log-in');

  describe('client id', () => {
    it('says nothing before the user has left the field', async () => {
      const input = find<HTMLInputElement>(fixture, '#client-id');
      input.value = 'organization.3fa8';
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();

      expect(textOf(fixture, '#client-id-error')).toBeNull();
      expect(input.getAttribute('aria-invalid')).toBe('false');
    });

    it.each([
      ['', "Enter the organization's client id."],
      ['   ', "Enter the organization's client id."],
      [
        `user.${ORGANIZATION_ID}`,
        'The API key must belong to an organization: its client id starts with "organization.".',
      ],
      ['organization.not-a-guid', 'The client id must read organization.<organization id>.'],
      // Version 6 is outside upstream's v1-5 pattern.
      [
        'organization.3fa85f64-5717-6562-b3fc-2c963f66afa6',
        'The client id must read organization.<organization id>.',
      ],
    ])('tells what is wrong with %j once the field is left', async (value, message) => {
      await fillIn(fixture, '#client-id', value);

      expect(textOf(fixture, '#client-id-error')).toBe(message);
      expect(find(fixture, '#client-id').getAttribute('aria-invalid')).toBe('true');
    });

    it('accepts organization.<guid> in any case and with spaces around it', async () => {
      await fillIn(fixture, '#client-id', `  ${CLIENT_ID.toUpperCase()} `);

      expect(textOf(fixture, '#client-id-error')).toBeNull();
    });
  });

  it('asks for the secret once its field is left empty', async () => {
    await fillIn(fixture, '#client-secret', ' ');

    expect(textOf(fixture, '#client-secret-error')).toBe('Enter the client secret.');
  });

  it('hides the secret until asked to show it', async () => {
    const secret = find<HTMLInputElement>(fixture, '#client-secret');
    expect(secret.type).toBe('password');

    await click(fixture, 'button.toggle-secret');
    expect(secret.type).toBe('text');

    await click(fixture, 'button.toggle-secret');
    expect(secret.type).toBe('password');
  });

  it('enables Log in only once both fields are valid', async () => {
    expect(logInButton().disabled).toBe(true);

    await fillIn(fixture, '#client-id', CLIENT_ID);
    expect(logInButton().disabled).toBe(true);

    await fillIn(fixture, '#client-secret', 'secret');
    expect(logInButton().disabled).toBe(false);

    await fillIn(fixture, '#client-id', 'organization.');
    expect(logInButton().disabled).toBe(true);
  });

  it('logs in with the trimmed key and reports the organization', async () => {
    const loggedIn: { organizationId: string }[] = [];
    fixture.componentInstance.loggedIn.subscribe((event) => loggedIn.push(event));

    await fillIn(fixture, '#client-id', `  ${CLIENT_ID}\n`);
    await fillIn(fixture, '#client-secret', ' s3cret ');
    await click(fixture, 'button.log-in');

    expect(connector.logins).toEqual([{ clientId: CLIENT_ID, clientSecret: 's3cret' }]);
    expect(loggedIn).toEqual([{ organizationId: ORGANIZATION_ID }]);
    expect(textOf(fixture, '[role="alert"]')).toBeNull();
  });

  it('keeps the form and the button disabled while main is logging in', async () => {
    const answer = deferred<{ organizationId: string }>();
    connector.loginAnswer = () => answer.promise;
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 's3cret');

    // Not `click`: its `whenStable` would wait for this very login.
    logInButton().click();
    fixture.detectChanges();
    expect(logInButton().disabled).toBe(true);
    expect(logInButton().textContent?.trim()).toBe('Logging in…');
    expect(find<HTMLFieldSetElement>(fixture, 'fieldset').disabled).toBe(true);

    // A second submit while busy does not send the key again.
    await fixture.componentInstance.logIn();
    expect(connector.logins).toHaveLength(1);

    answer.resolve({ organizationId: ORGANIZATION_ID });
    await fixture.whenStable();
    expect(logInButton().disabled).toBe(false);
    expect(logInButton().textContent?.trim()).toBe('Log in');
  });

  it('shows the message and remedy of a failed login, and lets the user try again', async () => {
    connector.loginAnswer = () =>
      Promise.reject(
        new ConnectorCallError({
          message: 'The API key was refused.',
          remedy: 'Check the client id and secret in the Admin Console.',
          code: 'INVALID_CREDENTIALS',
          side: 'bitwarden',
        }),
      );
    const loggedIn = jest.fn();
    fixture.componentInstance.loggedIn.subscribe(loggedIn);
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 'wrong');

    await click(fixture, 'button.log-in');

    expect(textOf(fixture, '.failure-message')).toBe('The API key was refused.');
    expect(textOf(fixture, '.failure-remedy')).toBe(
      'Check the client id and secret in the Admin Console.',
    );
    expect(loggedIn).not.toHaveBeenCalled();
    expect(logInButton().disabled).toBe(false);
    expect(find<HTMLInputElement>(fixture, '#client-secret').value).toBe('wrong');
  });

  it('shows the message alone when a failure has no remedy', async () => {
    connector.loginAnswer = () => Promise.reject(new Error('The connection to main was lost.'));
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 's3cret');

    await click(fixture, 'button.log-in');

    expect(textOf(fixture, '.failure-message')).toBe('The connection to main was lost.');
    expect(textOf(fixture, '.failure-remedy')).toBeNull();
  });

  it('clears an earlier failure when logging in again', async () => {
    connector.loginAnswer = () => Promise.reject(new Error('Refused.'));
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 's3cret');
    await click(fixture, 'button.log-in');
    expect(textOf(fixture, '.failure-message')).toBe('Refused.');

    connector.loginAnswer = () => Promise.resolve({ organizationId: ORGANIZATION_ID });
    await click(fixture, 'button.log-in');

    expect(textOf(fixture, '.failure-message')).toBeNull();
  });

  it('asks for the server settings', async () => {
    const requested = jest.fn();
    fixture.componentInstance.serverSettingsRequested.subscribe(requested);

    await click(fixture, 'button.server-settings');

    expect(requested).toHaveBeenCalledTimes(1);
  });
});
