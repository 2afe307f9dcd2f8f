export { aGroup, aUser, importOptions } from './builders';
export { MemorySecretStore } from './memory-secret-store';
export { MemoryConnectorStore } from './memory-connector-store';
