export {
  startOktaEmulator,
  type OktaEmulator,
  type OktaEmulatorOptions,
  type OktaRecordedRequest,
} from './okta-emulator';
export { OKTA_FIXTURE_TOKEN, generatedOktaOrg, oktaOrgFixture } from './okta-fixtures';
export type { OktaSeed, OktaSeedGroup, OktaSeedUser } from './okta-seed';
