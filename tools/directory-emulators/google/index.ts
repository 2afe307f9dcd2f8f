export {
  startGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
  type GoogleRecordedRequest,
} from './google-emulator';
export {
  GOOGLE_FIXTURE_ADMIN,
  GOOGLE_FIXTURE_CUSTOMER,
  GOOGLE_FIXTURE_DOMAIN,
  generatedGoogleWorkspace,
  googleWorkspaceFixture,
} from './google-fixtures';
export {
  GOOGLE_READONLY_SCOPES,
  type GoogleSeed,
  type GoogleSeedCustomer,
  type GoogleSeedGroup,
  type GoogleSeedMember,
  type GoogleSeedServiceAccount,
  type GoogleSeedUser,
} from './google-seed';
