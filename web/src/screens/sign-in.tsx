import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { fieldMessage, formMessage, unwrap } from '../api/errors';
import { meQuery, safeReturnPath } from '../auth/session';
import { Field, WriteStatus } from '../ui/field';
import { useSubmission } from '../ui/submission';

export function SignIn() {
  const { volver } = useSearch({ from: '/entrar' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Iniciar sesión — Acuerdos';
  }, []);

  const signIn = useSubmission((input: { email: string; password: string }) => unwrap(api.POST('/api/auth/login', { body: input })), {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await queryClient.fetchQuery(meQuery);
      await navigate({ href: safeReturnPath(volver), replace: true });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.submit({ email, password });
  };
  const expired = volver !== undefined && volver !== '/';

  return (
    <main id="contenido" className="sign-in">
      <div className="sign-in-card">
        <p className="brand-line">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>{' '}
          Acuerdos
        </p>
        <h1 ref={heading}>Iniciar sesión</h1>
        <p className="lead">Seguimiento de los acuerdos de los órganos colegiados.</p>
        {expired && <p className="notice">Inicie sesión para continuar; después volverá a la página que pidió.</p>}
        <form onSubmit={onSubmit} noValidate>
          <Field label="Correo electrónico" error={fieldMessage(signIn.error, 'email')}>
            {(control) => <input {...control} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label="Contraseña" error={fieldMessage(signIn.error, 'password')}>
            {(control) => <input {...control} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <button type="submit" className="button button-primary" disabled={signIn.isPending}>
            Iniciar sesión
          </button>
          <WriteStatus pending={signIn.isPending} pendingText="Verificando…" error={formMessage(signIn.error, ['email', 'password'])} />
        </form>
        <p className="sign-in-public">
          <Link to="/publico">Consulta pública de acuerdos</Link> (sin iniciar sesión)
        </p>
      </div>
    </main>
  );
}
