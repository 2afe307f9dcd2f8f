import { migrateToCurrent, type Migration } from './migrations';

describe('migrateToCurrent', () => {
  const renameField: Migration = ({ oldName, ...rest }) => ({
    ...rest,
    newName: oldName,
    version: 2,
  });
  const addDefault: Migration = (document) => ({ ...document, added: true, version: 3 });

  it('applies each migration in turn from the document’s version', () => {
    expect(
      migrateToCurrent({ version: 1, oldName: 'x' }, { 1: renameField, 2: addDefault }, 3),
    ).toEqual({
      ok: true,
      migrated: true,
      document: { version: 3, newName: 'x', added: true },
    });
  });

  it('leaves a current document alone', () => {
    expect(migrateToCurrent({ version: 1 }, {}, 1)).toEqual({
      ok: true,
      migrated: false,
      document: { version: 1 },
    });
  });

  it.each([
    [{ version: 4 }, 'newer connector'],
    [{ version: 'one' }, 'not one this connector wrote'],
    [{ version: 1 }, 'no migration from data file version 1'],
  ])('refuses %j', (document, reason) => {
    const result = migrateToCurrent(document, {}, 3);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
