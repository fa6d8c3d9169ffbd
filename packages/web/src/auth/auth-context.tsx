import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedListener } from '../api/client';
import { authApi } from '../api/endpoints';
import { prefetchKey, takePrefetched } from '../api/prefetch';
import type { Me } from '../api/types';

// Who is signed in. The session itself is the httpOnly cookie; the console only asks /auth/me.

/** /auth/me of a console session: always a user (only the system actor has no id). */
export type SignedIn = Me & { id: string };
const signedIn = (m: Me): SignedIn | null => (m.id === null ? null : { ...m, id: m.id });

interface AuthState {
  me: SignedIn | null;
  loading: boolean;
  expired: boolean;
  signIn: (email: string, password: string, tenant?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SignedIn | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    (takePrefetched<Me>(prefetchKey.me) ?? authApi.me())
      .then((m) => live && setMe(signedIn(m)))
      .catch(() => live && setMe(null))
      .finally(() => live && setLoading(false));
    setUnauthorizedListener(() => {
      setMe((prev) => {
        if (prev) setExpired(true);
        return null;
      });
    });
    return () => {
      live = false;
      setUnauthorizedListener(null);
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string, tenant?: string) => {
    await authApi.login(email, password, tenant);
    setMe(signedIn(await authApi.me()));
    setExpired(false);
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, loading, expired, signIn, signOut }), [me, loading, expired, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useMe(): SignedIn {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
