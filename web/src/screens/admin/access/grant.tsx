import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldMessage } from '../../../api/errors';
import type { Body, Role } from '../../../api/types';
import { ROLE_LABEL } from '../../../auth/session';
import { institutionsQuery } from '../../../reference/queries';
import { Field } from '../../../ui/field';
import { useSubmission } from '../../../ui/submission';
import { adminBodiesQuery } from '../bodies/queries';

// What users and tokens share: a role and, for every role but admin, the body
// or institution it acts for (api/grant.ts).

export type Grant = Body<'/api/tokens'> extends infer B ? (B extends unknown ? Omit<B, 'label'> : never) : never;

export const ROLES = Object.keys(ROLE_LABEL) as Role[];

// What each role may do, said for whoever grants it.
const ROLE_HINT: Record<Role, string> = {
  admin: 'Administra órganos, instituciones, usuarios y tokens de toda la instalación.',
  secretariat: 'Registra sesiones y acuerdos de un órgano, revisa evidencias y cambia estatus y plazos.',
  coordinator: 'Consulta todo lo de un órgano: tablero, anexo y reportes; no modifica nada.',
  institution: 'Consulta los acuerdos de su institución y envía evidencias en su nombre.',
};

// No role until one is chosen: a default would grant what nobody decided.
export interface GrantDraft {
  role: Role | '';
  bodyId: string;
  institutionId: string;
}

export const EMPTY_GRANT: GrantDraft = { role: '', bodyId: '', institutionId: '' };

// The request fields GrantFields shows an error next to (a form's summary leaves them out).
export const GRANT_FIELDS = ['role', 'bodyId', 'institutionId'] as const;

// The request's grant: only the field the role takes, and absent while not
// chosen, so the API says it is missing next to that field (the cast: the
// API, not the type, is what checks a grant is whole).
export function grantOf(draft: GrantDraft): Grant {
  if (draft.role === '') return {} as Grant;
  if (draft.role === 'admin') return { role: 'admin' };
  const field = draft.role === 'institution' ? 'institutionId' : 'bodyId';
  const chosen = draft[field];
  return { role: draft.role, ...(chosen ? { [field]: chosen } : {}) } as Grant;
}

export function needsBody(role: Role | ''): boolean {
  return role === 'secretariat' || role === 'coordinator';
}

// Rol, then the body or institution that role acts for: the field shown
// follows the role.
export function GrantFields({ draft, onChange, error }: { draft: GrantDraft; onChange: (draft: GrantDraft) => void; error: unknown }) {
  const bodies = useQuery(adminBodiesQuery);
  const institutions = useQuery(institutionsQuery);
  return (
    <>
      {/* The select offers only valid roles: any refusal of the role means none was chosen. */}
      <Field label="Rol" hint={draft.role ? ROLE_HINT[draft.role] : 'Qué podrá ver y hacer.'} error={fieldMessage(error, 'role') && 'Elija un rol.'}>
        {(control) => (
          <select {...control} required value={draft.role} onChange={(e) => onChange({ ...draft, role: ROLES.find((r) => r === e.target.value) ?? '' })}>
            <option value="">Elija un rol</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsBody(draft.role) && (
        <Field label="Órgano colegiado" hint="Solo verá y actuará sobre este órgano." error={fieldMessage(error, 'bodyId') ?? (bodies.error ? `No se pudo cargar la lista: ${bodies.error.message}` : undefined)}>
          {(control) => (
            <select {...control} required value={draft.bodyId} onChange={(e) => onChange({ ...draft, bodyId: e.target.value })}>
              <option value="">{bodies.isPending ? 'Cargando órganos…' : 'Elija un órgano'}</option>
              {bodies.data?.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.acronym} — {body.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {draft.role === 'institution' && (
        <Field label="Institución" hint="Solo verá los acuerdos de los que esta institución es responsable." error={fieldMessage(error, 'institutionId') ?? (institutions.error ? `No se pudo cargar la lista: ${institutions.error.message}` : undefined)}>
          {(control) => (
            <select {...control} required value={draft.institutionId} onChange={(e) => onChange({ ...draft, institutionId: e.target.value })}>
              <option value="">{institutions.isPending ? 'Cargando instituciones…' : 'Elija una institución'}</option>
              {institutions.data?.map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.acronym} — {institution.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}

// Where a grant reaches, by name: its body or institution, or everything.
export function useScopeName(): (grant: { role: Role; bodyId: string | null; institutionId: string | null }) => string {
  const bodies = useQuery(adminBodiesQuery);
  const institutions = useQuery(institutionsQuery);
  return (grant) => {
    if (grant.bodyId) {
      const body = bodies.data?.find((b) => b.id === grant.bodyId);
      return body ? `${body.acronym} — ${body.name}` : 'Órgano (cargando…)';
    }
    if (grant.institutionId) {
      const institution = institutions.data?.find((i) => i.id === grant.institutionId);
      return institution ? `${institution.acronym} — ${institution.name}` : 'Institución (cargando…)';
    }
    return 'Toda la instalación';
  };
}

// The latest granted first: the one just created is where the eye lands.
export function newestFirst<T extends { createdAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

// Withdrawing a grant (revoking a token, disabling a user): one idempotent
// request by id, then the list is read again before the screen says it is done.
export function useWithdrawal(withdraw: (id: string, idempotencyKey: string) => Promise<unknown>, listKey: readonly string[], onDone: () => void) {
  const queryClient = useQueryClient();
  return useSubmission(withdraw, {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: listKey });
      onDone();
    },
  });
}
