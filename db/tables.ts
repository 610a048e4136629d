import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { Agreement, AgreementStatus, InstitutionState } from '../domain/agreement/index.js';
import type { NotificationState } from './notifications.js';

// Columns whose value the database fills in.
type CreatedAt = ColumnType<Date, Date | undefined, never>;
// DATE columns come back as 'YYYY-MM-DD' strings (see connection.ts).
type LocalDateColumn = string;

export interface BodiesTable {
  id: string;
  name: string;
  acronym: string;
  timezone: string;
  folio_start: number;
  next_seq: number;
  non_working_days: ColumnType<unknown, string, string>;
  warning_business_days: number;
  reminders: ColumnType<unknown, string, string>;
  escalation: ColumnType<unknown, string | null | undefined, string | null>;
  public: boolean;
  settings_version: ColumnType<number, number | undefined, number>;
  settings_changed_at: ColumnType<Date, Date | undefined, Date>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface InstitutionsTable {
  id: string;
  name: string;
  acronym: string;
  emails: ColumnType<string[], string, string>;
  head_emails: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  body_id: string;
  kind: string;
  number: number | null;
  date: LocalDateColumn;
  label: string;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  role: string;
  body_id: string | null;
  institution_id: string | null;
  label: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface EventsTable {
  position: Generated<string>;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: ColumnType<unknown, string, never>;
  occurred_at: Date;
  recorded_at: Date;
  actor: ColumnType<unknown, string, never>;
  hash: string;
  prev_hash: string | null;
}

export interface FolioAllocationsTable {
  agreement_id: string;
  body_id: string;
  seq: number;
}

export interface AgreementsTable {
  id: string;
  body_id: string;
  session_id: string;
  seq: number;
  folio: string;
  // The state's own status, kept beside it for filters and indexes.
  status: AgreementStatus;
  adopted_on: LocalDateColumn;
  due_date: LocalDateColumn | null;
  fulfilled_on: LocalDateColumn | null;
  text: string;
  // The folded state as the projection wrote it (an adopted agreement: the
  // projection writes no row before adoption). Typed with the domain's own
  // type, so a change of its shape fails to compile wherever a row is read.
  state: JSONColumnType<Agreement>;
  version: number;
  updated_at: Date;
}

export interface AgreementResponsiblesTable {
  agreement_id: string;
  institution_id: string;
  state: InstitutionState;
}

export interface AgreementPeriodsTable {
  agreement_id: string;
  body_id: string;
  seq: number;
  valid_from: Date;
  valid_until: Date | null;
  status: AgreementStatus;
  due_date: LocalDateColumn | null;
}

export interface AgreementPeriodResponsiblesTable {
  agreement_id: string;
  valid_from: Date;
  institution_id: string;
  state: InstitutionState;
  body_id: string;
  valid_until: Date | null;
  status: AgreementStatus;
  due_date: LocalDateColumn | null;
}

export interface ImportsTable {
  id: string;
  body_id: string;
  state: string;
  total: number;
  errors: ColumnType<unknown, string | undefined, string>;
  actor: ColumnType<unknown, string, never>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ImportRowsTable {
  import_id: string;
  row: number;
  item: ColumnType<unknown, string, never>;
  agreement_id: string;
  folio: string | null;
}

export interface NotificationsTable {
  id: string;
  key: string;
  kind: string;
  body_id: string;
  agreement_id: string | null;
  institution_id: string | null;
  recipients: ColumnType<string[], string, string>;
  subject: string;
  text: string;
  state: NotificationState;
  error: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MilestonesTable {
  id: string;
  body_id: string;
  name: string;
  occurred_on: LocalDateColumn | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: string;
  body_id: string | null;
  institution_id: string | null;
  created_at: CreatedAt;
  disabled_at: Date | null;
}

export interface WebSessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface IdempotentRequestsTable {
  scope: string;
  key_digest: string;
  request_hash: string;
  claim_id: string;
  claimed_at: ColumnType<Date, Date | undefined, Date>;
  status_code: number | null;
  answer: Buffer | null;
  created_at: CreatedAt;
  answered_at: Date | null;
}

export interface ParticipantsTable {
  // The id of the institution row that stands for it (same id).
  id: string;
  body_id: string;
  name: string;
  acronym: string | null;
  kind: string;
  created_at: CreatedAt;
}

export interface ParticipationsTable {
  id: string;
  body_id: string;
  session_id: string;
  session_date: LocalDateColumn;
  agreement_id: string | null;
  participant_ids: ColumnType<string[], string, string>;
  state: ColumnType<unknown, string, string>;
  version: number;
  recorded_at: Date;
  updated_at: Date;
}

export interface Database {
  bodies: BodiesTable;
  institutions: InstitutionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
  folio_allocations: FolioAllocationsTable;
  agreements: AgreementsTable;
  agreement_responsibles: AgreementResponsiblesTable;
  agreement_periods: AgreementPeriodsTable;
  agreement_period_responsibles: AgreementPeriodResponsiblesTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  notifications: NotificationsTable;
  milestones: MilestonesTable;
  users: UsersTable;
  web_sessions: WebSessionsTable;
  idempotent_requests: IdempotentRequestsTable;
  participants: ParticipantsTable;
  participations: ParticipationsTable;
}

export type BodyRow = Selectable<BodiesTable>;
export type InstitutionRow = Selectable<InstitutionsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type MilestoneRow = Selectable<MilestonesTable>;
export type UserRow = Selectable<UsersTable>;
export type ParticipantRow = Selectable<ParticipantsTable>;
