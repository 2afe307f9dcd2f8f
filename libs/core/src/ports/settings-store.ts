/**
 * The persisted settings and sync state, read and changed as one document. `libs/storage`
 * implements it over the shared data file; the Connector pins the document type.
 */
export interface SettingsStore<TDocument> {
  read(): Promise<TDocument>;
  /**
   * Applies `change` to the latest document inside one transaction (no other process or caller
   * interleaves) and persists the result atomically before resolving.
   */
  update<TResult>(
    change: (current: TDocument) => SettingsChange<TDocument, TResult>,
  ): Promise<TResult>;
}

export interface SettingsChange<TDocument, TResult> {
  readonly next: TDocument;
  readonly result: TResult;
}
