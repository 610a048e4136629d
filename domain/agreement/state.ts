import type { LocalDate } from '../dates.js';
import type { DeadlineRule } from '../deadline.js';
import type { EvidenceFile, ReviewDecision } from './events.js';
import type { AgreementStatus, InstitutionState } from './status.js';

export interface Responsible {
  institutionId: string;
  state: InstitutionState;
}

export interface Evidence {
  id: string;
  institutionId: string;
  description: string;
  links: string[];
  files: EvidenceFile[];
  public: boolean;
  submittedAt: string;
  review: null | { decision: ReviewDecision; comment: string | null; reviewedAt: string };
}

export interface DeadlineVersion {
  deadline: DeadlineRule;
  dueDate: LocalDate | null;
  dueDateExplanation: string;
  // Why and when it was replaced; null for the rule in force.
  replacedOn: LocalDate | null;
  replacedBecause: string | null;
}

export interface Agreement {
  status: AgreementStatus;
  agreementId: string;
  bodyId: string;
  sessionId: string;
  seq: number;
  folio: string;
  text: string;
  themes: string[];
  adoptedOn: LocalDate;
  deadline: DeadlineRule;
  dueDate: LocalDate | null;
  dueDateExplanation: string;
  fulfilledOn: LocalDate | null;
  responsibles: Responsible[];
  evidence: Evidence[];
  // Every earlier rule and due date, oldest first.
  deadlineHistory: DeadlineVersion[];
  // The due date whose passing is already recorded, so it is recorded once.
  overdueRecordedFor: LocalDate | null;
  remindersSent: string[];
}

export interface NotAdopted {
  status: 'sin_adoptar';
}

export type AgreementState = NotAdopted | Agreement;

export const initialState: AgreementState = { status: 'sin_adoptar' };
