import type { Ok } from '../../api/types';

export type NotificationRow = Ok<'/api/notifications', 'get'>[number];
export type NotificationState = NotificationRow['state'];

// The states of the API's notification view, in Spanish. The record's type
// makes the compiler reject a state the API adds and this list lacks.
export const NOTIFICATION_STATE_LABEL: Record<NotificationState, string> = {
  pending: 'Pendiente',
  sending: 'Enviando',
  sent: 'Enviada',
  failed: 'Fallida',
  logged: 'Registrada (sin servidor de correo)',
};

export const NOTIFICATION_STATES = Object.keys(NOTIFICATION_STATE_LABEL) as [NotificationState, ...NotificationState[]];

// Kinds the workers record; any other is shown as the API writes it.
export const NOTIFICATION_KIND_LABEL: Readonly<Record<string, string>> = {
  reminder: 'Recordatorio',
  escalation: 'Escalamiento',
  digest: 'Resumen semanal de vencidos',
  review: 'Resultado de revisión',
};

export function kindLabel(kind: string): string {
  return Object.hasOwn(NOTIFICATION_KIND_LABEL, kind) ? (NOTIFICATION_KIND_LABEL[kind] ?? kind) : kind;
}
