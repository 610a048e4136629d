import type { AppContext } from '../app/context.js';
import type { SignInLimits } from '../app/config.js';
import type { FileStore } from './storage/file-store.js';

// What the HTTP app is built from: the application's context and what only
// HTTP needs. In a module of its own so that routes and app.ts do not import
// each other.
export interface AppDeps extends AppContext {
  adminToken: string | undefined;
  // Where evidence files go, how large each may be (default 25 MB) and how
  // many one evidence takes (default 20).
  files: FileStore;
  maxUploadBytes?: number | undefined;
  maxUploadFiles?: number | undefined;
  // Failed sign-ins allowed per email and per address, and their window.
  signInLimits?: Partial<SignInLimits> | undefined;
  logger?: boolean;
}
