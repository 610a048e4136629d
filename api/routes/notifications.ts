import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endOfDay } from '../../db/agreement-history.js';
import { findAgreementRow } from '../../db/agreements.js';
import { findBody } from '../../db/bodies.js';
import { listNotifications } from '../../db/notifications.js';
import { LocalDate } from '../../domain/dates.js';
import type { AppDeps } from '../deps.js';
import { bodyReadBy } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { notFound } from '../../app/errors.js';
import { referenceDay } from '../reference-day.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { NotificationView } from '../responses/operations.js';

const NotificationQuery = z.strictObject({ bodyId: z.uuid().optional(), agreementId: z.uuid().optional(), asOf: LocalDate.optional() });

export function notificationRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/notifications', { schema: { ...operation('Reportes', 'Bitácora de notificaciones enviadas'), querystring: NotificationQuery, response: { 200: z.array(NotificationView), ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { agreementId, asOf } = request.query;
      const bodyId = bodyReadBy(caller, request.query.bodyId);
      if (agreementId) {
        // An agreement of another body answers as one that does not exist: the
        // answer must not tell which ids are there.
        const agreement = await findAgreementRow(db, agreementId);
        if (agreement?.body_id !== bodyId) throw notFound('El acuerdo');
      }
      let createdBefore: Date | undefined;
      // The body's zone says when the day ends; only an as-of read needs it.
      if (asOf !== undefined) {
        const body = await findBody(db, bodyId);
        if (!body) throw notFound('El órgano colegiado');
        createdBefore = endOfDay(referenceDay(body, asOf), body.settings.timezone);
      }
      return listNotifications(db, { bodyId, ...(agreementId ? { agreementId } : {}), ...(createdBefore ? { createdBefore } : {}) });
    });
  };
}
