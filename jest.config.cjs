// `npm test` runs every project's tests in one Jest process so that one summary covers them all.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.cjs'],
});
