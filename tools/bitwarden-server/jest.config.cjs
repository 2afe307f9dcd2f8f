module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'bitwarden-server',
  rootDir: __dirname,
};
