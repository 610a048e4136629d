import type { LinkProps } from '@tanstack/react-router';
import type { Role } from '../api/types';

export interface NavItem {
  to: NonNullable<LinkProps['to']>;
  label: string;
  roles: readonly Role[];
}

// The main menu, by role: each screen adds its entry here when its route exists.
export const NAVIGATION: readonly NavItem[] = [
  { to: '/tablero', label: 'Tablero', roles: ['coordinator', 'secretariat'] },
  { to: '/acuerdos', label: 'Acuerdos', roles: ['secretariat', 'coordinator', 'institution'] },
  { to: '/acuerdos/nuevo', label: 'Registrar acuerdo', roles: ['secretariat'] },
  { to: '/revision', label: 'Revisión de evidencias', roles: ['secretariat'] },
  { to: '/sesiones', label: 'Sesiones', roles: ['secretariat', 'coordinator'] },
  { to: '/hitos', label: 'Hitos', roles: ['secretariat'] },
  { to: '/importar', label: 'Importar', roles: ['secretariat'] },
  { to: '/anexo', label: 'Anexo', roles: ['coordinator', 'secretariat'] },
  { to: '/participantes', label: 'Participantes', roles: ['secretariat', 'coordinator'] },
  { to: '/participaciones', label: 'Participaciones', roles: ['secretariat', 'coordinator'] },
  { to: '/notificaciones', label: 'Notificaciones', roles: ['secretariat', 'coordinator'] },
  { to: '/admin', label: 'Administración', roles: ['admin'] },
  { to: '/admin/organos', label: 'Órganos', roles: ['admin'] },
  { to: '/admin/instituciones', label: 'Instituciones', roles: ['admin'] },
  { to: '/admin/usuarios', label: 'Usuarios', roles: ['admin'] },
  { to: '/admin/tokens', label: 'Tokens', roles: ['admin'] },
];
