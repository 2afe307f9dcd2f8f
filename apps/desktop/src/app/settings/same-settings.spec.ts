import { LDAP_VALUES, settingsView } from '../testing/settings-view';
import { sameSettings } from './same-settings';

describe('sameSettings', () => {
  it('ignores the list of profiles', () => {
    expect(
      sameSettings(settingsView(), settingsView({ profiles: ['default', 'staging', 'eu'] })),
    ).toBe(true);
  });

  it('tells apart another active profile, directory, value or stored secret', () => {
    const view = settingsView();
    const changes = [
      settingsView({ profile: 'staging' }),
      settingsView({ directoryType: 'file' }),
      settingsView({ directories: { ...view.directories, ldap: { ...LDAP_VALUES, port: 389 } } }),
      settingsView({
        forms: {
          ...view.forms,
          directories: view.forms.directories.map((form) =>
            form.secret ? { ...form, secret: { ...form.secret, isSet: false } } : form,
          ),
        },
      }),
    ];

    for (const changed of changes) {
      expect(sameSettings(view, changed)).toBe(false);
    }
  });
});
