export {
  createDirectoryProvider,
  providerRegistry,
  type DirectoryProviderFactory,
  type ProviderContext,
  type ProviderRegistry,
} from './registry';
