// The Node side (main, preload, shared, test host). The renderer's tests run under
// jest.renderer.config.cjs, in jsdom with Angular's transforms.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'desktop',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/app/'],
};
