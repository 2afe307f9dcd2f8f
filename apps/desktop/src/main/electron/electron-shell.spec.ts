import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

import { electronDesktopShell } from './electron-shell';

function dialogAnswering(answer: OpenDialogReturnValue) {
  const asked: OpenDialogOptions[] = [];
  return {
    asked,
    dialog: {
      showOpenDialog: async (options: OpenDialogOptions) => {
        asked.push(options);
        return answer;
      },
    },
  };
}

const noShell = { showItemInFolder: () => undefined };

describe('the desktop shell over Electron', () => {
  it('opens a one-file dialog with the title and gives the chosen path', async () => {
    const { dialog, asked } = dialogAnswering({ canceled: false, filePaths: ['/etc/ssl/ca.pem'] });

    await expect(electronDesktopShell(noShell, dialog).pickFile('CA certificate')).resolves.toBe(
      '/etc/ssl/ca.pem',
    );
    expect(asked).toEqual([{ title: 'CA certificate', properties: ['openFile'] }]);
  });

  it.each<OpenDialogReturnValue>([
    { canceled: true, filePaths: ['/ignored'] },
    { canceled: false, filePaths: [] },
  ])('gives null when nothing was chosen (%p)', async (answer) => {
    const { dialog } = dialogAnswering(answer);

    await expect(electronDesktopShell(noShell, dialog).pickFile('t')).resolves.toBeNull();
  });

  it('shows a file in the file manager', () => {
    const shown: string[] = [];

    electronDesktopShell(
      { showItemInFolder: (file) => shown.push(file) },
      dialogAnswering({
        canceled: true,
        filePaths: [],
      }).dialog,
    ).showItemInFolder('/home/a/.config/x/data.json');

    expect(shown).toEqual(['/home/a/.config/x/data.json']);
  });
});
