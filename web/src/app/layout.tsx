import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useRouteContext } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { meQuery, ROLE_LABEL } from '../auth/session';
import { Shell } from '../ui/shell';
import { NAVIGATION } from './navigation';

// The frame of every signed-in screen: who is signed in, the menu of their
// role, and the screen.
export function Layout() {
  const { principal } = useRouteContext({ from: '/app' });
  const me = useQuery(meQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/entrar', search: {} });
    },
  });
  const items = NAVIGATION.filter((item) => item.roles.includes(principal.role));
  // The entry of this page is the longest one its path starts with: on
  // /acuerdos/nuevo that is "Registrar acuerdo", not "Acuerdos" too.
  const { pathname } = useLocation();
  const current = items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];

  return (
    <Shell
      home="/"
      subtitle="Seguimiento de acuerdos"
      footer="Acuerdos · seguimiento de los acuerdos de órganos colegiados"
      beside={
        <>
          <div className="who">
            <span className="who-name">{me.data?.user?.email ?? ROLE_LABEL[principal.role]}</span>
            <span className="who-role">{ROLE_LABEL[principal.role]}</span>
          </div>
          <button type="button" className="button button-quiet on-dark" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {signOut.isPending ? 'Cerrando sesión…' : 'Cerrar sesión'}
          </button>
        </>
      }
      nav={
        items.length > 0 && (
          <nav aria-label="Menú principal" className="mainnav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} activeOptions={{ exact: true }} className={item === current ? 'active' : undefined} aria-current={item === current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )
      }
    />
  );
}
