import { Link, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';

// The frame every page sits in, signed in or public: skip link, the top bar
// with the brand (and whatever the frame adds beside it), the page, a footer.
export function Shell({ home, subtitle, beside, nav, footer }: { home: '/' | '/publico'; subtitle: string; beside?: ReactNode; nav?: ReactNode; footer: string }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={home} className="brand">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            <span>
              Acuerdos
              <span className="brand-sub">{subtitle}</span>
            </span>
          </Link>
          {beside}
        </div>
        {nav}
      </header>
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">{footer}</footer>
    </div>
  );
}
