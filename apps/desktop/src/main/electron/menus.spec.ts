import { applicationMenuTemplate, HELP_LINKS } from './app-menu';
import { click, entriesOf, itemLabelled, recordingActions } from './testing/menus';
import { trayMenuTemplate } from './tray-menu';

const OFF = { minimizeToTray: false, closeToTray: false };

describe('the tray menu', () => {
  it('shows the window, syncs and quits', () => {
    const { actions, calls } = recordingActions();
    const template = trayMenuTemplate(OFF, actions);

    click(itemLabelled(template, 'Show Directory Connector for Bitwarden'));
    click(itemLabelled(template, 'Sync Now'));
    click(itemLabelled(template, 'Quit'));

    expect(calls).toEqual(['showWindow', 'syncNow', 'quit']);
  });

  it('shows the tray options as they are and toggles them', () => {
    const { actions, calls } = recordingActions();
    const template = trayMenuTemplate({ minimizeToTray: true, closeToTray: false }, actions);

    expect(itemLabelled(template, 'Minimize to Tray')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
    click(itemLabelled(template, 'Minimize to Tray'));
    click(itemLabelled(template, 'Close to Tray'));

    expect(calls).toEqual(['setTrayOption minimizeToTray false', 'setTrayOption closeToTray true']);
  });
});

describe('the application menu', () => {
  const menuOf = (platform: NodeJS.Platform, development = false) => {
    const { actions, calls } = recordingActions();
    const template = applicationMenuTemplate({ platform, development, trayOptions: OFF, actions });
    return { template, calls };
  };

  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { template } = menuOf('win32');

    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(entriesOf(itemLabelled(template, 'File'))).toEqual(['Sync Now', '-', 'Quit']);
    expect(entriesOf(itemLabelled(template, 'Edit'))).toEqual([
      'role:undo',
      'role:redo',
      '-',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
    ]);
  });

  it('syncs and quits from File', () => {
    const { template, calls } = menuOf('linux');

    click(itemLabelled(template, 'Sync Now'));
    click(itemLabelled(template, 'Quit'));

    expect(calls).toEqual(['syncNow', 'quit']);
  });

  it('puts Quit in the app’s own menu on macOS', () => {
    const { template, calls } = menuOf('darwin');

    expect(template[0]?.label).toBe('Directory Connector for Bitwarden');
    expect(entriesOf(itemLabelled(template, 'File'))).toEqual(['Sync Now']);
    click(itemLabelled(template, 'Quit Directory Connector for Bitwarden'));
    expect(calls).toEqual(['quit']);
  });

  it('offers reload and developer tools in development only', () => {
    const shipped = entriesOf(itemLabelled(menuOf('linux').template, 'View'));
    const development = entriesOf(itemLabelled(menuOf('linux', true).template, 'View'));

    expect(shipped).not.toContain('role:reload');
    expect(shipped).not.toContain('role:toggleDevTools');
    expect(development).toEqual(expect.arrayContaining(['role:reload', 'role:toggleDevTools']));
  });

  it('toggles the tray options from the Window menu', () => {
    const { template, calls } = menuOf('linux');

    click(itemLabelled(template, 'Close to Tray'));

    expect(calls).toEqual(['setTrayOption closeToTray true']);
  });

  it('opens the help pages in the system browser', () => {
    const { template, calls } = menuOf('linux');

    for (const { label } of HELP_LINKS) {
      click(itemLabelled(template, label));
    }

    expect(calls).toEqual(HELP_LINKS.map(({ url }) => `openExternal ${url}`));
    expect(HELP_LINKS.every(({ url }) => url.startsWith('https://'))).toBe(true);
  });
});
