import { placeProblems } from './settings-problems';

describe('placeProblems', () => {
  const shown = new Set(['directory.hostname', 'sync.interval']);

  it('puts the problems of the fields on show under them, as sentences', () => {
    const placed = placeProblems(
      [
        {
          section: 'directory',
          field: 'hostname',
          message: 'the LDAP server host name is required',
        },
        { section: 'sync', field: 'interval', message: 'too small' },
        { section: 'sync', field: 'interval', message: 'not a whole number' },
      ],
      shown,
    );

    expect(placed).toEqual({
      inline: {
        'directory.hostname': ['The LDAP server host name is required'],
        'sync.interval': ['Too small', 'Not a whole number'],
      },
      unplaced: [],
      count: 3,
    });
  });

  it('names where the others belong, for the summary', () => {
    const placed = placeProblems(
      [
        // The same name in the other section is another field.
        { section: 'sync', field: 'hostname', message: 'unexpected' },
        { section: 'directory', field: 'userPath', message: 'expected a string' },
        { section: 'directoryType', field: null, message: 'not available yet' },
        { section: 'sync', field: null, message: 'invalid' },
      ],
      shown,
    );

    expect(placed.inline).toEqual({});
    expect(placed.unplaced).toEqual([
      'Server hostname: Unexpected',
      'User path: Expected a string',
      'Directory type: Not available yet',
      'Sync options: Invalid',
    ]);
  });
});
