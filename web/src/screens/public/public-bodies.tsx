import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { publicBodiesQuery } from './queries';
import { PublicProblem } from './unavailable';

// The portal's front page: each body that publishes the follow-up of its agreements.
export function PublicBodies() {
  const bodies = useQuery(publicBodiesQuery);
  useEffect(() => {
    document.title = 'Consulta pública de acuerdos';
  }, []);
  if (bodies.isPending) return <p role="status">Cargando…</p>;
  if (bodies.isError) return <PublicProblem error={bodies.error} />;
  return (
    <>
      <h1>Consulta pública de acuerdos</h1>
      <p className="lead">Órganos colegiados que publican el seguimiento de sus acuerdos: qué se acordó, quién es responsable, la fecha límite y si ya se cumplió.</p>
      {bodies.data.length === 0 ? (
        <p className="card">Ningún órgano publica todavía el seguimiento de sus acuerdos.</p>
      ) : (
        <ul className="public-bodies">
          {bodies.data.map((body) => (
            <li key={body.id} className="card">
              <Link to="/publico/$bodyId" params={{ bodyId: body.id }} search={{}}>
                {body.name}
              </Link>{' '}
              <span className="muted">({body.acronym})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
