/**
 * Who is signed in. Loads GET /api/auth/session once, keeps the CSRF token for writes, and
 * exposes signIn / signOut. Signing in or out drops every cached read (drafts and rights change).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { AssignmentKind } from "../../../core/vocabulary.js";
import { api, setCsrfToken } from "../../api.js";
import { invalidateAll, useEndpoint } from "../../data.js";
import type { PublicUser } from "../../types.js";
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
    api("GET /api/auth/session")
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
    const s = await api("POST /api/auth/login", { body: { email, password } });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    invalidateAll();
    if (!s.user) throw new Error("no user in the login response");
    return s.user;
  }, []);

  const signOut = useCallback(async () => {
    await api("POST /api/auth/logout");
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

export type { AssignmentKind };

/** Whether the signed-in user may post updates to a measure or record values for an indicator. */
export function useCanWrite(kind: AssignmentKind, itemId: string | undefined): boolean {
  const { user } = useSession();
  const needsAssignments = user?.role === "contributor" && itemId !== undefined;
  const { data } = useEndpoint(needsAssignments && user ? "GET /api/users/:id/assignments" : null, { params: { id: user?.id ?? "" } });
  const assigned = !!data?.some((a) => a.kind === kind && a.itemId === itemId);
  return canWrite(user, assigned);
}
