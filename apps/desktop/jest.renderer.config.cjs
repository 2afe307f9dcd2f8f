// The Angular renderer (src/app): ts-jest with Angular's transforms (jest-preset-angular) in
// jsdom, zoneless like the app. The Node side runs under jest.config.cjs.
const { createCjsPreset } = require('jest-preset-angular/presets');

const { moduleNameMapper } = require('../../jest.preset.cjs');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/src/app/tsconfig.json' }),
  displayName: 'desktop-renderer',
  rootDir: __dirname,
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/app/testing/setup-jest.ts'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/app/**/*.spec.ts'],
};
