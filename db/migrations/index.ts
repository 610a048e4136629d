import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as notifications from './0002_notifications.js';
import * as milestones from './0003_milestones.js';
import * as agreementSearch from './0004_agreement_search.js';
import * as users from './0005_users.js';
import * as eventsOccurredAt from './0006_events_occurred_at.js';
import * as evidenceLookup from './0007_evidence_lookup.js';
import * as idempotentRequests from './0008_idempotent_requests.js';
import * as bodySettingsVersion from './0009_body_settings_version.js';
import * as dashboardPeriodsAndImports from './0010_dashboard_periods_and_imports.js';
import * as participation from './0011_participation.js';
import * as escalation from './0012_escalation.js';
import * as participationFiles from './0013_participation_files.js';

// Listed explicitly rather than read from the folder, so the same code runs under
// tsx, in a bundle or in the container without file-system discovery.
const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_notifications': notifications,
  '0003_milestones': milestones,
  '0004_agreement_search': agreementSearch,
  '0005_users': users,
  '0006_events_occurred_at': eventsOccurredAt,
  '0007_evidence_lookup': evidenceLookup,
  '0008_idempotent_requests': idempotentRequests,
  '0009_body_settings_version': bodySettingsVersion,
  '0010_dashboard_periods_and_imports': dashboardPeriodsAndImports,
  '0011_participation': participation,
  '0012_escalation': escalation,
  '0013_participation_files': participationFiles,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
