/** Where progress lives in storage (shared by the store and the light read in peek.ts). */
export const STORAGE_KEY = 'eil:progress';
/** Where unreadable saved progress is set aside instead of being overwritten. */
export const BACKUP_KEY = 'eil:progress:backup';
