import { FileDirectoryError } from './file-error';
import { readExportFile } from './read-export-file';
import { writeExport } from './__fixtures__/read-export';

describe('readExportFile', () => {
  it('drops a UTF-8 byte order mark', async () => {
    const path = await writeExport('bom.csv', '\uFEFFemail\n');

    await expect(readExportFile(path)).resolves.toBe('email\n');
  });

  it.each([
    ['UTF-16 text', Buffer.from('\uFEFFemail\n', 'utf16le'), /UTF-16/],
    ['Windows-1252 text', Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), /not UTF-8/],
  ])('refuses %s, saying how to save it', async (_case, bytes, message) => {
    const path = await writeExport('hr.csv', bytes);

    const read = readExportFile(path);

    await expect(read).rejects.toThrow(FileDirectoryError);
    await expect(readExportFile(path)).rejects.toMatchObject({
      code: 'FILE_NOT_UTF8',
      side: 'directory',
      message: expect.stringMatching(message),
    });
  });
});
