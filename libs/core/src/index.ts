export type { DirectoryGroup, FlattenedGroup } from './model/directory-group';
export {
  DIRECTORY_TYPES,
  UPSTREAM_DIRECTORY_TYPE_NUMBERS,
  isDirectoryType,
  type DirectoryType,
} from './model/directory-type';
export type {
  DeletedUsersUnavailableNotice,
  DirectoryNotice,
  MemberOutOfScopeNotice,
  OutOfScopeReason,
  SkippedUserReason,
  UsersSkippedNotice,
} from './model/directory-notice';
export type { DirectoryUser, NormalisedUser } from './model/directory-user';
export type { ImportOptions } from './model/import-options';
export type { ImportGroup, ImportMember, ImportRequest } from './model/import-request';
export type { SyncDestination } from './model/sync-destination';

export { ConfigurationError, type ConfigurationErrorCode } from './errors/configuration.error';
export { DuplicateEmailError } from './errors/duplicate-email.error';
export { SyncError, type FailureSide } from './errors/sync-error';
export { SyncInProgressError } from './errors/sync-in-progress.error';
export {
  DEFAULT_DELETION_GUARD,
  removalLimit,
  type DeletionGuardSettings,
} from './guard/deletion-guard';
export {
  DeletionGuardError,
  EmptyDirectoryReadError,
  guardRefusalOf,
  type GuardRefusal,
  type RefusedRemoval,
} from './guard/deletion-guard.error';
export type {
  ExistingMember,
  OrganizationPlan,
  PlannedGroupChange,
  PlannedGroupMember,
  PlannedLink,
  PlannedMember,
  PlannedRefusal,
  PlannedRemoval,
  PlannedSkip,
  RemovalReason,
} from './organization/organization-plan';
export {
  NO_RUN_PHASES,
  RUN_HISTORY_LIMIT,
  RUN_PHASES,
  phaseMs,
  type RunCounts,
  type RunError,
  type RunGuard,
  type RunKind,
  type RunOutcome,
  type RunPhase,
  type RunPhases,
  type RunRecord,
  type RunSource,
  type RunTrigger,
} from './runs/run-record';

export { systemClock, type Clock } from './ports/clock';
export type {
  DirectoryCursor,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  ReadProgress,
} from './ports/directory-provider';
export type { LogFields, LogLevel, Logger } from './ports/logger';
export type { SecretStore } from './ports/secret-store';
export type { SettingsChange, SettingsStore } from './ports/settings-store';

export { IMPORT_BATCH_SIZE, buildImportRequests } from './sync/build-import-requests';
export { deduplicateUsers } from './sync/deduplicate-users';
export type { DropReason, DroppedUser } from './sync/dropped-user';
export { fingerprintRequests } from './sync/fingerprint';
export { flattenGroups } from './sync/flatten-groups';
export { MAX_EMAIL_LENGTH, normaliseUsers } from './sync/normalise-users';
export { planSync, type SyncPlanInput } from './sync/plan-sync';
export type { SyncCounts, SyncOutcome, SyncPlan } from './sync/sync-plan';
export { userState, type UserState } from './sync/user-state';

export { accessTokenFrom, needsRefresh, type AccessToken } from './bitwarden/access-token';
export {
  BitwardenClient,
  type BitwardenClientOptions,
  type ImportProgress,
} from './bitwarden/bitwarden-client';
export {
  BitwardenError,
  ImportBatchError,
  type BitwardenErrorCode,
} from './bitwarden/bitwarden-error';
export { clientDeviceFor, type ClientDevice } from './bitwarden/client-device';
export {
  nodeHttpTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  type NodeHttpTransportOptions,
} from './bitwarden/http-transport';
export { organizationIdOf, type OrganizationApiKey } from './bitwarden/organization-api-key';
export type {
  MemberStatus,
  MemberType,
  OrganizationGroup,
  OrganizationMember,
} from './bitwarden/organization-model';
export {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryEnvironment,
  type RetryPolicy,
} from './bitwarden/retry-policy';
export {
  BITWARDEN_EU_CLOUD,
  BITWARDEN_US_CLOUD,
  normaliseServerUrl,
  resolveServerUrls,
  type ServerUrlSettings,
  type ServerUrls,
} from './bitwarden/server-urls';

export {
  AUTH_SECRET_KEYS,
  Connector,
  type ConnectorDependencies,
  type ProviderFactoryContext,
} from './connector/connector';
export {
  EMPTY_SYNC_STATE,
  type ConnectorConfiguration,
  type ConnectorStore,
  type ConnectorSyncOptions,
  type ConnectorSyncState,
} from './connector/connector-store';
export type { ConnectorTestResult, SyncReport } from './connector/sync-report';
export type { GuardVerdict, PlanReport } from './connector/plan-report';

export {
  groupsNamedBy,
  readOrganization,
  type OrganizationGroupState,
  type OrganizationReader,
  type OrganizationState,
  type ReadOrganizationOptions,
} from './organization/organization-state';
export {
  emptyOrganizationPlan,
  planAgainstOrganization,
  type PlanAgainstOrganizationInput,
} from './organization/plan-against-organization';
