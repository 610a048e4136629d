import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { ApiFailure, unwrap } from '../api/errors';
import type { Caller, Principal, Role } from '../api/types';

// Who is signed in: null when nobody is (the API answers 401).
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async (): Promise<Caller | null> => {
    try {
      return await unwrap(api.GET('/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

// Where each role starts (CONTRACT.md §3).
export function homeOf(role: Role): string {
  if (role === 'coordinator') return '/tablero';
  if (role === 'admin') return '/admin';
  return '/acuerdos';
}

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administración',
  secretariat: 'Secretaría técnica',
  coordinator: 'Coordinación',
  institution: 'Institución',
};

export function bodyOf(principal: Principal): string | undefined {
  return 'bodyId' in principal ? principal.bodyId : undefined;
}

export function institutionOf(principal: Principal): string | undefined {
  return 'institutionId' in principal ? principal.institutionId : undefined;
}

// Only a path of this site is a place to return to after signing in: never
// another origin (`//evil.example`) nor a scheme.
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
