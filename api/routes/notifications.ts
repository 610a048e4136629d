import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAgreementRow } from '../../db/agreements.js';
import { listNotifications } from '../../db/notifications.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller } from '../auth.js';
import { notFound, validationFailed } from '../errors.js';
import { errorAnswers } from '../responses/error.js';
import { NotificationView } from '../responses/operations.js';

const NotificationQuery = z.strictObject({ bodyId: z.uuid().optional(), agreementId: z.uuid().optional() });

export function notificationRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/notifications', { schema: { querystring: NotificationQuery, response: { 200: z.array(NotificationView), ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { agreementId } = request.query;
      let bodyId = request.query.bodyId ?? ('bodyId' in caller.principal ? caller.principal.bodyId : undefined);
      if (agreementId) {
        const agreement = await findAgreementRow(db, agreementId);
        if (!agreement) throw notFound('El acuerdo');
        if (bodyId && bodyId !== agreement.body_id) throw validationFailed([{ field: 'agreementId', message: 'El acuerdo no pertenece a ese órgano.' }]);
        bodyId = agreement.body_id;
      }
      if (!bodyId) throw validationFailed([{ field: 'bodyId', message: 'Indique el órgano colegiado.' }]);
      assertBodyScope(caller, bodyId);
      return listNotifications(db, { bodyId, ...(agreementId ? { agreementId } : {}) });
    });
  };
}
