export {
  startOneLoginEmulator,
  type OneLoginEmulator,
  type OneLoginEmulatorOptions,
  type OneLoginFault,
  type OneLoginRecordedRequest,
} from './onelogin-emulator';
export {
  ONELOGIN_FIXTURE_CLIENT_ID,
  ONELOGIN_FIXTURE_CLIENT_SECRET,
  generatedOneLoginOrg,
  oneLoginFixture,
} from './onelogin-fixtures';
export {
  parseOneLoginSeed,
  type OneLoginSeed,
  type OneLoginSeedClient,
  type OneLoginSeedRole,
  type OneLoginSeedUser,
} from './onelogin-seed';
