import { ApiFailure, fieldMessage } from '../../../api/errors';

// Addresses as people paste them: one per line, or separated by commas or
// semicolons.
export function emailsOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

export const emailsText = (emails: readonly string[]) => emails.join('\n');

// The API names the address by its place in the list (`emails.1`); the person
// reads which one they typed.
export function emailListError(error: unknown, field: 'emails' | 'headEmails', typed: readonly string[]): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  const problem = error.details.find((d) => d.field.startsWith(`${field}.`));
  const index = problem ? Number(problem.field.slice(field.length + 1)) : NaN;
  const address = typed[index];
  if (address !== undefined) return `«${address}» no es un correo electrónico válido.`;
  return fieldMessage(error, field);
}
