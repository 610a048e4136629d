import { z } from 'zod';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { TemporalEnv, temporalConnection } from './temporal-connection.js';

// How many failed sign-ins are let through, per email and per address, within a window.
export interface SignInLimits {
  // Failed sign-ins one email may have within the window before it is refused.
  maxFailuresPerEmail: number;
  // Failed sign-ins, for any emails, from one address (an IPv6 /64) within the window.
  maxFailuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { maxFailuresPerEmail: 10, maxFailuresPerAddress: 100, windowMs: 15 * 60_000 };

// A count read from the environment: a whole number, at least 1.
function wholeNumber(name: string) {
  return z.coerce.number().int(`${name} debe ser un número entero`).min(1, `${name} debe ser al menos 1`);
}

// The environment the worker and the API read, checked once at start-up so a
// missing or mistyped variable stops the process with a message, not later.
const Env = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL es obligatoria'),
  ...TemporalEnv.shape,
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SMTP_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Acuerdos <acuerdos@localhost>'),
  PUBLIC_URL: z.url().optional(),
  ACUERDOS_ADMIN_TOKEN: z.string().min(16, 'ACUERDOS_ADMIN_TOKEN debe tener al menos 16 caracteres').optional(),
  FILES_DIR: z.string().min(1).default('.data/files'),
  MAX_UPLOAD_MB: z.coerce.number().positive('MAX_UPLOAD_MB debe ser mayor que cero').max(10_240).optional(),
  MAX_UPLOAD_FILES: wholeNumber('MAX_UPLOAD_FILES').max(1_000).optional(),
  LOGIN_MAX_FAILURES: wholeNumber('LOGIN_MAX_FAILURES').optional(),
  LOGIN_MAX_FAILURES_PER_IP: wholeNumber('LOGIN_MAX_FAILURES_PER_IP').optional(),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive('LOGIN_WINDOW_MINUTES debe ser mayor que cero').max(24 * 60).optional(),
});

// The environment as the processes use it: names of their own, sizes in bytes and ms.
const Config = Env.transform((e, ctx) => ({
  databaseUrl: e.DATABASE_URL,
  temporal: temporalConnection(e, ctx),
  taskQueue: e.TEMPORAL_TASK_QUEUE,
  port: e.PORT,
  host: e.HOST,
  adminToken: e.ACUERDOS_ADMIN_TOKEN,
  smtpUrl: e.SMTP_URL,
  mailFrom: e.MAIL_FROM,
  publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
  filesDir: e.FILES_DIR,
  maxUploadBytes: e.MAX_UPLOAD_MB === undefined ? undefined : Math.floor(e.MAX_UPLOAD_MB * 1024 * 1024),
  maxUploadFiles: e.MAX_UPLOAD_FILES,
  // Unset fields take the defaults above.
  signInLimits: {
    ...(e.LOGIN_MAX_FAILURES === undefined ? {} : { maxFailuresPerEmail: e.LOGIN_MAX_FAILURES }),
    ...(e.LOGIN_MAX_FAILURES_PER_IP === undefined ? {} : { maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_IP }),
    ...(e.LOGIN_WINDOW_MINUTES === undefined ? {} : { windowMs: Math.round(e.LOGIN_WINDOW_MINUTES * 60_000) }),
  } satisfies Partial<SignInLimits>,
}));
export type RuntimeConfig = z.output<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    console.error(`Configuración inválida:\n${lines.join('\n')}`);
    process.exit(1);
  }
  return parsed.data;
}
