import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles/theme.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onSessionExpired } from './api/client';
import { meQuery } from './auth/session';
import { queryClient, router } from './app/router';

// A session that ends while someone works (expired, closed elsewhere): back to
// sign-in, and from there to the page they were on.
onSessionExpired(() => {
  queryClient.setQueryData(meQuery.queryKey, null);
  if (router.state.location.pathname === '/entrar') return;
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  void router.navigate({ to: '/entrar', search: { volver: here } });
});

const container = document.getElementById('app');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
