module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'desktop',
  rootDir: __dirname,
};
