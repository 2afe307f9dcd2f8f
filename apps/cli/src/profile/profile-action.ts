import {
  addProfile,
  profileNames,
  removeProfile,
  renameProfile,
  switchProfile,
  type DataFile,
  type DataFileStore,
} from '@bwdc/storage';

import { listResponse, messageResponse, type CliResponse } from '../output';

export type ProfileInput =
  | { readonly verb: 'list' }
  | { readonly verb: 'add'; readonly name: string; readonly copyFrom?: string }
  | { readonly verb: 'use'; readonly name: string }
  | { readonly verb: 'rename'; readonly name: string; readonly to: string }
  | { readonly verb: 'remove'; readonly name: string };

/** The profile verbs over the data file: each change is one locked read-modify-write. */
export async function runProfile(input: ProfileInput, store: DataFileStore): Promise<CliResponse> {
  switch (input.verb) {
    case 'list': {
      const file = await store.read();
      return listResponse(
        profileNames(file).map((name) => ({
          name,
          active: name === file.activeProfile,
          directory: file.profiles[name]?.directoryType ?? null,
        })),
      );
    }
    case 'add':
      await change(store, (file) => addProfile(file, input.name, input.copyFrom));
      return messageResponse(
        `Added profile '${input.name}'.`,
        `Switch to it with bwdc profile use ${input.name}.`,
      );
    case 'use':
      await change(store, (file) => switchProfile(file, input.name));
      return messageResponse(`Using profile '${input.name}'.`);
    case 'rename':
      await change(store, (file) => renameProfile(file, input.name, input.to));
      return messageResponse(`Renamed profile '${input.name}' to '${input.to}'.`);
    case 'remove':
      await change(store, (file) => removeProfile(file, input.name));
      return messageResponse(`Removed profile '${input.name}'.`);
  }
}

function change(store: DataFileStore, apply: (file: DataFile) => DataFile): Promise<void> {
  return store.update((file) => ({ next: apply(file), result: undefined }));
}
