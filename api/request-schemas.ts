import { z } from 'zod';

// Pieces of request schemas that several route modules share.

export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).loose();

// When it happened in the world; absent, now. The decider refuses the future
// and dates before the adoption.
export const OccurredAt = z.iso.datetime({ offset: true }).optional();
