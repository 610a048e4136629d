import { ApiFailure } from '../../api/errors';

// A body that does not publish, one that does not exist and an agreement not
// of that body look the same: "no disponible", nothing more.
export function PublicProblem({ error }: { error: Error }) {
  const missing = error instanceof ApiFailure && error.status === 404;
  return (
    <section className="problem" aria-labelledby="problem-title">
      <h1 id="problem-title">{missing ? 'No disponible' : 'No se pudo cargar la información'}</h1>
      <p>{missing ? 'Esta información no está disponible para consulta pública. Revise el enlace.' : 'Intente de nuevo en unos minutos.'}</p>
    </section>
  );
}
