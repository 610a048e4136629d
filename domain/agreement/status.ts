import { z } from 'zod';

export const AgreementStatus = z.enum(['en_proceso', 'cumplido', 'cancelado']);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const InstitutionState = z.enum(['pendiente', 'en_revision', 'cumplido']);
export type InstitutionState = z.infer<typeof InstitutionState>;

// Labels of the annual report annex.
export const STATUS_LABEL: Record<AgreementStatus, string> = {
  en_proceso: 'EN PROCESO',
  cumplido: 'CUMPLIDO',
  cancelado: 'CANCELADO',
};

// Labels in running text (screens, the public download).
export const STATUS_WORD: Record<AgreementStatus, string> = {
  en_proceso: 'En proceso',
  cumplido: 'Cumplido',
  cancelado: 'Cancelado (sin efecto)',
};
