import { findAgreementRow } from '../db/agreements.js';
import type { Db } from '../db/connection.js';
import { findInstitution } from '../db/institutions.js';
import type { Notification } from '../db/notifications.js';
import { deliverNotification } from './deliver-notification.js';
import type { Mailer } from './mailer.js';
import { reviewMessage } from './messages.js';
import { evidenceUrl } from './send-reminder.js';

export interface ReviewNoticeRequest {
  agreementId: string;
  evidenceId: string;
}

export function sendReviewNoticeActivity(db: Db, mailer: Mailer | null, publicUrl: string) {
  // Tells the institution that submitted the evidence how it was reviewed.
  return async function sendReviewNotice(request: ReviewNoticeRequest): Promise<Notification | null> {
    const row = await findAgreementRow(db, request.agreementId);
    if (!row) return null;
    const { state } = row;
    const evidence = state.evidence.find((e) => e.id === request.evidenceId);
    if (!evidence?.review) return null;
    const institution = await findInstitution(db, evidence.institutionId);
    if (!institution) return null;
    const message = reviewMessage({
      folio: state.folio,
      institutionName: institution.name,
      decision: evidence.review.decision,
      comment: evidence.review.comment,
      evidenceDescription: evidence.description,
      evidenceUrl: evidenceUrl(publicUrl, request.agreementId),
    });
    return deliverNotification(db, mailer, {
      key: `review:${request.evidenceId}`,
      kind: 'review',
      bodyId: row.body_id,
      agreementId: request.agreementId,
      institutionId: institution.id,
      recipients: institution.emails,
      ...message,
    });
  };
}
