import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody, insertBody, listBodies, type Body } from '../../db/bodies.js';
import { bodiesOfInstitution } from '../../db/agreement-queries.js';
import { updateBody } from '../../db/body-update.js';
import { isUniqueViolation } from '../../db/errors.js';
import { BodySettings } from '../../domain/body-settings.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { tellAgreementsOfSettings } from '../../app/settings-fan-out.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound } from '../../app/errors.js';
import { earlierRun } from '../../app/idempotency.js';
import { creationId } from '../idempotency.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { BodyView } from '../responses/reference-data.js';

const Name = Text(300);
const Acronym = Text(40);
const FolioStart = z.number().int().min(1).max(1_000_000);

const NewBodyRequest = z.strictObject({
  name: Name,
  acronym: Acronym,
  folioStart: FolioStart.default(1),
  public: z.boolean().default(false),
  ...BodySettings.shape,
});

// The same fields, each optional and without defaults: what is absent stays as
// it is. `reminders`, when present, is replaced whole (its absent fields take
// the defaults, as at creation).
const { timezone, nonWorkingDays, warningBusinessDays, reminders, escalation } = BodySettings.shape;
const BodyPatchRequest = z.strictObject({
  name: Name.optional(),
  acronym: Acronym.optional(),
  folioStart: FolioStart.optional(),
  public: z.boolean().optional(),
  timezone: timezone.unwrap().optional(),
  nonWorkingDays: nonWorkingDays.unwrap().optional(),
  warningBusinessDays: warningBusinessDays.unwrap().optional(),
  reminders: reminders.unwrap().optional(),
  escalation: escalation.unwrap().optional(),
});
type BodyPatch = z.infer<typeof BodyPatchRequest>;

const IdParams = z.object({ id: z.uuid() });

const PATCH_DESCRIPTION =
  'Cambia los campos indicados de un órgano; `reminders` se reemplaza completo. `folioStart` solo puede quedar por encima de los folios ya asignados (409): los folios no se reutilizan. Todo acuerdo no cancelado recibe la nueva configuración (aunque el worker esté detenido, al volver) y recalcula su fecha de vencimiento y sus recordatorios.';

export function bodyJson(body: Body): BodyView {
  return {
    id: body.id,
    name: body.name,
    acronym: body.acronym,
    folioStart: body.folioStart,
    public: body.public,
    ...body.settings,
  };
}

function patched(current: Body, patch: BodyPatch): Body {
  return {
    id: current.id,
    name: patch.name ?? current.name,
    acronym: patch.acronym ?? current.acronym,
    folioStart: patch.folioStart ?? current.folioStart,
    public: patch.public ?? current.public,
    settings: {
      timezone: patch.timezone ?? current.settings.timezone,
      nonWorkingDays: patch.nonWorkingDays ?? current.settings.nonWorkingDays,
      warningBusinessDays: patch.warningBusinessDays ?? current.settings.warningBusinessDays,
      reminders: patch.reminders ?? current.settings.reminders,
      escalation: patch.escalation === undefined ? current.settings.escalation : patch.escalation,
    },
  };
}

const SETTINGS_FIELDS = ['timezone', 'nonWorkingDays', 'warningBusinessDays', 'reminders'] as const;

export function bodyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.post('/bodies', { schema: { ...operation('Administración', 'Crea un órgano colegiado'), body: NewBodyRequest, headers: IdempotencyHeaders, response: { 201: BodyView, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const { name, acronym, folioStart, public: isPublic, ...settings } = request.body;
      const body: Body = { id: creationId(request, 'bodies'), name, acronym, folioStart, public: isPublic, settings: BodySettings.parse(settings) };
      try {
        await insertBody(db, body);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const earlier = earlierRun(await findBody(db, body.id), (found) => found, body);
        if (!earlier) throw new AppError('CONFLICT', `Ya existe un órgano colegiado con las siglas ${acronym}.`);
        return reply.status(201).send(bodyJson(earlier));
      }
      return reply.status(201).send(bodyJson(body));
    });

    app.get('/bodies', { schema: { ...operation('Administración', 'Lista los órganos colegiados con sus ajustes, por siglas'), response: { 200: z.array(BodyView), ...errorAnswers(400, 401, 403) } } }, async (request) => {
      requireCaller(request, 'admin');
      return (await listBodies(db)).map(bodyJson);
    });

    app.get('/bodies/:id', { schema: { ...operation('Administración', 'Consulta un órgano colegiado y sus ajustes'), params: IdParams, response: { 200: BodyView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'admin', 'secretariat', 'coordinator', 'institution');
      const body = await findBody(db, request.params.id);
      // Each reads its own body; an institution, the bodies it answers to and the
      // public ones. Any other reads as one that does not exist.
      const p = caller.principal;
      const visible =
        body !== undefined &&
        (p.role === 'admin' ||
          ('bodyId' in p && p.bodyId === body.id) ||
          (p.role === 'institution' && (body.public || (await bodiesOfInstitution(db, p.institutionId)).includes(body.id))));
      if (!visible) throw new AppError('NOT_FOUND', 'El órgano colegiado no existe.');
      return bodyJson(body);
    });

    app.patch('/bodies/:id', { schema: { ...operation('Administración', 'Cambia los datos o ajustes de un órgano colegiado'), params: IdParams, body: BodyPatchRequest, headers: IdempotencyHeaders, description: PATCH_DESCRIPTION, response: { 200: BodyView, ...errorAnswers(400, 401, 403, 404, 409, 413, 415) } } }, async (request) => {
      const caller = requireCaller(request, 'admin', 'secretariat');
      const { id } = request.params;
      if (!(await findBody(db, id))) throw notFound('El órgano colegiado');
      assertBodyScope(caller, id);
      let update;
      try {
        update = await updateBody(db, id, (current) => patched(current, request.body));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', `Ya existe un órgano colegiado con las siglas ${request.body.acronym ?? ''}.`);
        throw error;
      }
      if (update.kind === 'not_found') throw notFound('El órgano colegiado');
      if (update.kind === 'folio_reuse') {
        throw new AppError(
          'CONFLICT',
          `Ya se asignaron folios hasta el ${update.lastAllocatedSeq}; el folio inicial debe ser mayor que ese número porque los folios no se reutilizan.`,
          { field: 'folioStart', lastAllocatedSeq: update.lastAllocatedSeq },
        );
      }
      if (SETTINGS_FIELDS.some((field) => request.body[field] !== undefined)) await tellAgreementsOfSettings(deps, id, update.settingsVersion);
      return bodyJson(update.after);
    });
  };
}
