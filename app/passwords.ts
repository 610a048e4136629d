import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP's recommended cost).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

// Checks a password against a user's hash, or against a throw-away hash when
// there is no such user, so that an unknown email costs as long as a wrong
// password and the answer's timing does not tell which emails exist.
export async function passwordMatches(passwordHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('contraseña que no pertenece a nadie');
  const matches = await verify(passwordHash ?? (await dummyHash), password).catch(() => false);
  return passwordHash !== undefined && matches;
}
