/**
 * Who is signed in. Loads GET /api/auth/session once, keeps the CSRF token for writes, and
 * exposes signIn / signOut. Signing in or out drops every cached read (drafts and rights change).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { apiGet, apiPost, setCsrfToken } from "../../api.js";
import { invalidateAll, useApi } from "../../data.js";
import type { PublicUser, SessionInfo } from "../../types.js";
import { canWrite } from "./rights.js";

interface SessionValue {
  user: PublicUser | null;
  /** True until the first session check has answered. */
  checking: boolean;
  signIn(email: string, password: string): Promise<PublicUser>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<PublicUser | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    let live = true;
    apiGet<SessionInfo>("/api/auth/session")
      .then((s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch(() => undefined)
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await apiPost<SessionInfo>("/api/auth/login", { email, password });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    invalidateAll();
    if (!s.user) throw new Error("no user in the login response");
    return s.user;
  }, []);

  const signOut = useCallback(async () => {
    await apiPost<void>("/api/auth/logout", undefined);
    setCsrfToken(null);
    setUser(null);
    invalidateAll();
  }, []);

  const value = useMemo(() => ({ user, checking, signIn, signOut }), [user, checking, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error("useSession outside SessionProvider");
  return v;
}

export type AssignmentKind = "measure" | "indicator";

/** Whether the signed-in user may post updates to a measure or record values for an indicator. */
export function useCanWrite(kind: AssignmentKind, itemId: string | undefined): boolean {
  const { user } = useSession();
  const needsAssignments = user?.role === "contributor" && itemId !== undefined;
  const { data } = useApi<{ kind: AssignmentKind; itemId: string }[]>(
    needsAssignments && user ? `/api/users/${encodeURIComponent(user.id)}/assignments` : null,
  );
  const assigned = !!data?.some((a) => a.kind === kind && a.itemId === itemId);
  return canWrite(user, assigned);
}
