import { Link, Outlet } from '@tanstack/react-router';

// The frame of the public portal: the same look as the staff's screens, with
// no menu, no sign-in and nothing of anyone's session.
export function PublicLayout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/publico" className="brand">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            <span>
              Acuerdos
              <span className="brand-sub">Consulta pública del seguimiento de acuerdos</span>
            </span>
          </Link>
        </div>
      </header>
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">Información pública que el órgano colegiado publica sobre el cumplimiento de sus acuerdos.</footer>
    </div>
  );
}
