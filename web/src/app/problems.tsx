import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { ApiFailure } from '../api/errors';

export class Forbidden extends Error {
  constructor() {
    super('No tiene permiso para ver esta página.');
  }
}

// What a screen shows when it cannot be shown: in plain words, with a way on.
export function ProblemPage({ error }: ErrorComponentProps) {
  const denied = error instanceof Forbidden || (error instanceof ApiFailure && (error.status === 403 || error.status === 404));
  return (
    <section className="problem" aria-labelledby="problem-title">
      <h1 id="problem-title">{denied ? 'No disponible' : 'Algo salió mal'}</h1>
      <p>{denied ? 'No tiene permiso para ver esta página, o lo que busca no existe.' : error instanceof Error ? error.message : 'Error inesperado.'}</p>
      <p>
        <Link to="/">Ir al inicio</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section className="problem" aria-labelledby="problem-title">
      <h1 id="problem-title">Página no encontrada</h1>
      <p>La dirección no corresponde a ninguna página. Revise el enlace o vuelva al inicio.</p>
      <p>
        <Link to="/">Ir al inicio</Link>
      </p>
    </section>
  );
}
