import { FileDirectorySettingsSchema, formatFromPath } from './file-settings';

describe('FileDirectorySettingsSchema', () => {
  it.each([
    ['/exports/people.csv', 'csv'],
    ['/exports/PEOPLE.JSON', 'json'],
    ['/exports/openldap.ldif', 'ldif'],
    ['C:\\exports\\ad.ldf', 'ldif'],
  ])('takes the format of %s from its extension', (path, format) => {
    expect(FileDirectorySettingsSchema.parse({ path }).format).toBe(format);
  });

  it('lets a set format win over the extension', () => {
    expect(FileDirectorySettingsSchema.parse({ path: 'hr.txt', format: 'csv' }).format).toBe('csv');
  });

  it('refuses an unknown extension without a format, saying what to set', () => {
    const result = FileDirectorySettingsSchema.safeParse({ path: 'hr-export.txt' });

    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['format'],
        message: expect.stringContaining('hr-export.txt'),
      }),
    ]);
  });

  it('defaults the CSV reading to commas, semicolon-separated groups and > for nesting', () => {
    expect(FileDirectorySettingsSchema.parse({ path: 'people.csv' })).toEqual({
      path: 'people.csv',
      format: 'csv',
      delimiter: ',',
      groupSeparator: ';',
      groupPathSeparator: '>',
    });
  });

  it('names every problem', () => {
    const result = FileDirectorySettingsSchema.safeParse({
      path: ' ',
      format: 'xml',
      delimiter: ';;',
      emailColumn: '',
    });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'path',
      'format',
      'delimiter',
      'emailColumn',
    ]);
  });
});

describe('formatFromPath', () => {
  it('knows no format for a file without an extension', () => {
    expect(formatFromPath('/exports/people')).toBeNull();
  });
});
