import type { LinkProps } from '@tanstack/react-router';
import type { Role } from '../api/types';

export interface NavItem {
  to: NonNullable<LinkProps['to']>;
  label: string;
  roles: readonly Role[];
}

// The main menu, by role: each screen adds its entry here when its route exists.
export const NAVIGATION: readonly NavItem[] = [
  { to: '/acuerdos', label: 'Acuerdos', roles: ['secretariat', 'coordinator', 'institution'] },
  { to: '/revision', label: 'Revisión de evidencias', roles: ['secretariat'] },
];
