import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { login as apiLogin, logout as apiLogout, me as apiMe, type Me } from '../api/auth';
import { ApiError } from '../api/http';

interface Auth {
  /** false until /api/auth/me has answered once (the header shows nothing rather than flicker) */
  ready: boolean;
  me: Me | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** forget the user after the server said 401 (the session ended) */
  expired(): void;
}

const Ctx = createContext<Auth | null>(null);

/** The signed-in user, restored on load from the session cookie (GET /api/auth/me). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    apiMe(ac.signal)
      .then((s) => setMe(s.user))
      .catch((e: unknown) => {
        // no accounts on this server (404) or it is down: the page works as the public
        if (!(e instanceof DOMException && e.name === 'AbortError') && !(e instanceof ApiError)) console.warn(e);
      })
      .finally(() => !ac.signal.aborted && setReady(true));
    return () => ac.abort();
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await apiLogin(username, password);
    setMe(s.user);
  }, []);
  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setMe(null);
    }
  }, []);
  const expired = useCallback(() => setMe(null), []);

  const value = useMemo<Auth>(() => ({ ready, me, login, logout, expired }), [ready, me, login, logout, expired]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
