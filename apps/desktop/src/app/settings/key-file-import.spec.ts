import type { DirectoryForm, FieldView, SettingsView } from '../../shared/settings-view';
import { ConnectorCallError } from '../../shared/connector-client';
import { click, settle, textOf } from '../testing/dom';
import { renderSettings, settingsConnector, valueOf } from '../testing/settings-screen';
import { directoryForms, settingsView } from '../testing/settings-view';

const text = (name: string, nullable = false): FieldView => ({
  name,
  kind: 'text',
  options: [],
  nullable,
  defaultValue: null,
});

const GOOGLE_FORM: DirectoryForm = {
  type: 'gsuite',
  available: true,
  fields: [text('domain'), text('customer', true), text('adminUser'), text('clientEmail')],
  syncFields: [],
  secret: { name: 'privateKey', isSet: false },
};

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';

function googleView(): SettingsView {
  return settingsView({
    directoryType: 'gsuite',
    directories: {
      ...settingsView().directories,
      gsuite: {
        domain: 'example.com',
        customer: null,
        adminUser: 'admin@example.com',
        clientEmail: null,
      },
    },
    forms: {
      ...settingsView().forms,
      directories: directoryForms().map((form) => (form.type === 'gsuite' ? GOOGLE_FORM : form)),
    },
  });
}

describe('importing a Google service account key file', () => {
  async function setUp() {
    const connector = Object.assign(settingsConnector(googleView()), {
      readServiceAccountKey: jest.fn<
        Promise<{ clientEmail: string; privateKey: string }>,
        [string]
      >(() =>
        Promise.resolve({ clientEmail: 'bwdc@project.iam.gserviceaccount.com', privateKey: PEM }),
      ),
    });
    connector.pickFile.mockResolvedValue('/home/admin/key.json');
    const fixture = await renderSettings(connector);
    return { connector, fixture };
  }

  it('fills the client email and the private key from the chosen file, saved only with Save', async () => {
    const { connector, fixture } = await setUp();

    await click(fixture, 'button.import-key-file');
    await settle(fixture);

    expect(connector.pickFile).toHaveBeenCalledWith({ title: 'Service account JSON key file' });
    expect(connector.readServiceAccountKey).toHaveBeenCalledWith('/home/admin/key.json');
    expect(valueOf(fixture, '#field-directory-clientEmail')).toBe(
      'bwdc@project.iam.gserviceaccount.com',
    );
    expect(textOf(fixture, '.key-imported')).toContain('bwdc@project.iam.gserviceaccount.com');
    expect(connector.saveSettings).not.toHaveBeenCalled();

    await click(fixture, 'button.save-settings');
    await settle(fixture);

    expect(connector.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({
        directoryType: 'gsuite',
        directory: expect.objectContaining({ clientEmail: 'bwdc@project.iam.gserviceaccount.com' }),
        secret: PEM,
      }),
    );
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const { connector, fixture } = await setUp();
    connector.pickFile.mockResolvedValue(null);

    await click(fixture, 'button.import-key-file');
    await settle(fixture);

    expect(connector.readServiceAccountKey).not.toHaveBeenCalled();
    expect(valueOf(fixture, '#field-directory-clientEmail')).toBe('');
  });

  it('shows why a file is no key, with the remedy', async () => {
    const { connector, fixture } = await setUp();
    connector.readServiceAccountKey.mockRejectedValue(
      new ConnectorCallError({
        message: 'The service account key file cannot be used: it has no client_email.',
        remedy: 'Download a new JSON key for the service account.',
        code: 'GOOGLE_KEY_INVALID',
        side: 'directory',
      }),
    );

    await click(fixture, 'button.import-key-file');
    await settle(fixture);

    expect(textOf(fixture, 'bwdc-key-file-import .failure-message')).toContain('no client_email');
    expect(textOf(fixture, 'bwdc-key-file-import .failure-remedy')).toContain('new JSON key');
    expect(valueOf(fixture, '#field-directory-clientEmail')).toBe('');
  });
});
