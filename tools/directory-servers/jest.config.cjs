module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'directory-servers',
  rootDir: __dirname,
  // This project keeps its sources per server (openldap/, later samba/), not under src/.
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
