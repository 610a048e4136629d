import '../../styles/admin-bodies.css';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';

// `/admin`: where an administrator starts; one card per thing it looks after.
export function AdminHome() {
  useEffect(() => {
    document.title = 'Administración — Acuerdos';
  }, []);
  return (
    <div className="admin">
      <h1>Administración</h1>
      <p className="lead">Configure los órganos colegiados, las instituciones responsables y quién entra al sistema.</p>
      <ul className="admin-cards">
        <li className="card">
          <h2>
            <Link to="/admin/organos">Órganos colegiados</Link>
          </h2>
          <p>Zona horaria, días inhábiles, recordatorios, semáforo amarillo, folio inicial y consulta pública de cada órgano.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/instituciones">Instituciones</Link>
          </h2>
          <p>Las instituciones que pueden ser responsables de un acuerdo y los correos a los que llegan avisos y recordatorios.</p>
        </li>
        <li className="card">
          <h2>
            {/* Its screen lives in another part of the app: a plain address, not a typed route. */}
            <a href="/admin/usuarios">Usuarios</a>
          </h2>
          <p>Las personas que entran con correo y contraseña, su rol y su órgano o institución; darlas de baja.</p>
        </li>
        <li className="card">
          <h2>
            <a href="/admin/tokens">Tokens de acceso</a>
          </h2>
          <p>Claves para sistemas que usan la API: emitirlas (se muestran una sola vez), consultarlas y revocarlas.</p>
        </li>
      </ul>
    </div>
  );
}
