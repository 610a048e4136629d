import type { Client } from '@temporalio/client';
import type { Db } from '../db/connection.js';

// What the application's operations run against: the database and the
// Temporal server whose workers serve `taskQueue`. The HTTP API, the scripts
// and the demo seed each hand over their own.
export interface AppContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
}
