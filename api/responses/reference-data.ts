import { z } from 'zod';
import { BodySettings } from '../../domain/body-settings.js';
import { LocalDate } from '../../domain/dates.js';
import { SessionKind } from '../../domain/session-label.js';

// Bodies, institutions, sessions and milestones: what agreements refer to.

export const BodyView = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string(),
  folioStart: z.number().int().min(1),
  public: z.boolean().describe('Si la consulta pública muestra sus acuerdos.'),
  ...BodySettings.shape,
});
export type BodyView = z.infer<typeof BodyView>;

export const InstitutionView = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string(),
  emails: z.array(z.string()).describe('A quienes van los avisos y recordatorios.'),
  headEmails: z.array(z.string()).describe('La persona titular: recibe los recordatorios cuando la institución sube en la escalera de escalamiento.'),
});

export const SessionView = z.object({
  id: z.uuid(),
  label: z.string().describe('P. ej. «Vigésima Primera Sesión Ordinaria».'),
  bodyId: z.uuid(),
  kind: SessionKind,
  number: z.number().int().min(1).nullable().describe('null: sesión permanente identificada por su fecha.'),
  date: LocalDate,
});
export type SessionView = z.infer<typeof SessionView>;

export const MilestoneView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  name: z.string(),
  occurredOn: LocalDate.nullable().describe('El día en que ocurrió; null mientras no ocurre.'),
});

export const OccurredMilestone = MilestoneView.extend({
  dueDatesSet: z.number().int().min(0).describe('Acuerdos que esperaban el hito y ya tienen fecha límite.'),
});
