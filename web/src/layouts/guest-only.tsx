import { Navigate, Outlet, useSearchParams } from 'react-router';
import { useMe } from '../api/use-me.js';
import { PageLoader } from '../components/states.js';

/** Only relative paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign-in and sign-up make no sense with a session; go where the user was heading. */
export function GuestOnly() {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <PageLoader />;
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
