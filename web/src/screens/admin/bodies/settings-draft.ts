import type { NonWorkingDay } from '../../../../../domain/calendar';
import type { Body as RequestBody } from '../../../api/types';
import type { AdminBody } from './queries';

export type BodyPatch = RequestBody<'/api/bodies/{id}', 'patch'>;
type TimeZoneName = NonNullable<BodyPatch['timezone']>;

// A body's settings as the form holds them: numbers as typed, so a half-typed
// value is kept on screen and named as wrong rather than silently changed.
export interface SettingsDraft {
  name: string;
  acronym: string;
  timezone: string;
  folioStart: string;
  warningBusinessDays: string;
  public: boolean;
  nonWorkingDays: NonWorkingDay[];
  beforeDue: string;
  overdueEvery: string;
  overdueMax: string;
  at: string;
  escalate: boolean;
  afterReminders: string;
  toCoordinatorsAfter: string;
}

export function draftOf(body: AdminBody): SettingsDraft {
  return {
    name: body.name,
    acronym: body.acronym,
    timezone: body.timezone,
    folioStart: String(body.folioStart),
    warningBusinessDays: String(body.warningBusinessDays),
    public: body.public,
    nonWorkingDays: body.nonWorkingDays,
    beforeDue: body.reminders.beforeDue.join(', '),
    overdueEvery: String(body.reminders.overdueEvery),
    overdueMax: String(body.reminders.overdueMax),
    at: body.reminders.at,
    escalate: body.escalation !== null,
    afterReminders: String(body.escalation?.afterReminders ?? 2),
    toCoordinatorsAfter: String(body.escalation?.toCoordinatorsAfter ?? 2),
  };
}

// Field (as the API names it) → what is wrong with what was typed.
export type DraftErrors = Record<string, string>;

const WHOLE = /^\d{1,7}$/;

function whole(value: string, field: string, errors: DraftErrors): number {
  if (!WHOLE.test(value.trim())) errors[field] = 'Escriba un número entero, sin puntos ni letras.';
  return Number(value.trim());
}

// The change to send: only what differs from the body as it is (a change of
// name alone does not make every agreement re-plan), or what is wrong with
// the draft. The API checks the ranges and says so next to each field.
export function patchOf(body: AdminBody, draft: SettingsDraft): { patch: BodyPatch; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const patch: BodyPatch = {};
  if (draft.name.trim() !== body.name) patch.name = draft.name.trim();
  if (draft.acronym.trim() !== body.acronym) patch.acronym = draft.acronym.trim();
  if (draft.timezone !== body.timezone) patch.timezone = draft.timezone as TimeZoneName;
  if (draft.public !== body.public) patch.public = draft.public;
  const folioStart = whole(draft.folioStart, 'folioStart', errors);
  if (folioStart !== body.folioStart) patch.folioStart = folioStart;
  const warning = whole(draft.warningBusinessDays, 'warningBusinessDays', errors);
  if (warning !== body.warningBusinessDays) patch.warningBusinessDays = warning;
  if (JSON.stringify(draft.nonWorkingDays) !== JSON.stringify(body.nonWorkingDays)) patch.nonWorkingDays = draft.nonWorkingDays;

  const parts = draft.beforeDue.split(/[,;\s]+/).filter((part) => part !== '');
  if (parts.some((part) => !WHOLE.test(part))) errors['reminders.beforeDue'] = 'Escriba números enteros separados por comas, p. ej.: 10, 3, 0.';
  const reminders = {
    beforeDue: parts.map(Number),
    overdueEvery: whole(draft.overdueEvery, 'reminders.overdueEvery', errors),
    overdueMax: whole(draft.overdueMax, 'reminders.overdueMax', errors),
    at: draft.at,
  };
  if (JSON.stringify(reminders) !== JSON.stringify(body.reminders)) patch.reminders = reminders;

  const escalation = draft.escalate
    ? { afterReminders: whole(draft.afterReminders, 'escalation.afterReminders', errors), toCoordinatorsAfter: whole(draft.toCoordinatorsAfter, 'escalation.toCoordinatorsAfter', errors) }
    : null;
  if (JSON.stringify(escalation) !== JSON.stringify(body.escalation)) patch.escalation = escalation;
  return { patch, errors };
}

// Changing these makes every running agreement count its due date and plan its
// reminders again (the API's settings fan-out).
export const RECOUNTED: readonly (keyof BodyPatch)[] = ['timezone', 'nonWorkingDays', 'warningBusinessDays', 'reminders'];
