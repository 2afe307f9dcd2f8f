export {
  startBitwardenServer,
  type BitwardenServerOptions,
  type RunningBitwardenServer,
} from './http-server';
export type { Fault, FaultRoute } from './faults';
export type { RecordedRequest } from './request-log';
export {
  SeedError,
  validateSeed,
  type MemberStatus,
  type MemberType,
  type Seed,
  type SeedGroup,
  type SeedMember,
  type SeedOrganization,
} from './seed';
export type {
  OrganizationEvent,
  OrganizationSnapshot,
  SnapshotGroup,
  SnapshotMember,
} from './state';
export { decodeJwtPayload, type JwtClaims } from './jwt';
