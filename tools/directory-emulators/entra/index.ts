export {
  startEntraEmulator,
  type EmulatorRequest,
  type EntraEmulator,
  type EntraEmulatorOptions,
  type EntraFault,
  type EntraThrottle,
} from './entra-emulator';
export {
  generatedTenant,
  objectId,
  type EmulatedAdministrativeUnit,
  type EmulatedApplication,
  type EmulatedGroup,
  type EmulatedTenant,
  type EmulatedUser,
} from './entra-tenant';
export { upstreamTestTenant, UPSTREAM_TENANT_IDS } from './upstream-test-tenant';
