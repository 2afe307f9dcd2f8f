module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'directory-emulators',
  rootDir: __dirname,
  // This project keeps its sources per server (entra/, google/, tls/), not under src/.
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
