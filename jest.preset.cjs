// Shared Jest settings for every project. Path aliases come from tsconfig.base.json so that tests
// resolve `@bwdc/*` exactly as the compiler does, with no second list to keep in step.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const escapeForRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${escapeForRegExp(alias)}$`,
    path.join(__dirname, target),
  ]),
);

// Packages published only as ES modules. Node 24 can require() them, Jest's module runtime
// cannot, so they go through the same SWC transform as our sources.
const esmOnlyPackages = ['commander', 'lowdb', 'steno'];

module.exports = {
  testEnvironment: 'node',
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2024' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // No test reaches anything but loopback (tools/jest/egress-guard.cjs).
  setupFiles: [path.join(__dirname, 'tools/jest/egress-guard.cjs')],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // CI runs every project at once on 2 cores: a read of 5,000 emulated users that takes 2 s alone
  // can take several times that there. A hang still fails, only later than Jest's default 5 s.
  testTimeout: 30_000,
};
