/**
 * A small read cache for GET requests: one entry per URL, shared by every component that asks
 * for it. Writes call `invalidate(...)`, which marks matching entries stale; mounted readers
 * refetch and keep showing the old data meanwhile (no flash of "loading").
 */
import { useEffect, useSyncExternalStore } from "react";
import { ApiError, apiGet, type GetEndpoint, type InputArgs, type OutputOf, urlFor } from "./api.js";

interface Entry {
  data?: unknown;
  error?: ApiError;
  loading: boolean;
  stale: boolean;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;

function emit(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(path: string): void {
  const prev = entries.get(path);
  if (prev?.loading) return;
  entries.set(path, { data: prev?.data, error: undefined, loading: true, stale: false });
  apiGet<unknown>(path).then(
    (data) => {
      entries.set(path, { data, loading: false, stale: false });
      emit();
    },
    (err: unknown) => {
      const error = err instanceof ApiError ? err : new ApiError(0, "network", String(err));
      entries.set(path, { data: prev?.data, error, loading: false, stale: false });
      emit();
    },
  );
}

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Reads `path` (null: nothing yet). Re-renders when the entry changes. */
export function useApi<T>(path: string | null): ApiData<T> {
  const v = useSyncExternalStore(subscribe, () => version);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `v` changes after an invalidation and must re-run this.
  useEffect(() => {
    if (!path) return;
    const e = entries.get(path);
    if (!e || (e.stale && !e.loading)) {
      load(path);
      emit();
    }
  }, [path, v]);
  if (!path) return { data: undefined, error: undefined, loading: false };
  const e = entries.get(path);
  if (!e) return { data: undefined, error: undefined, loading: true };
  return { data: e.data as T | undefined, error: e.error, loading: e.loading || e.stale };
}

/**
 * Reads an endpoint of the contract (null: nothing yet), typed by its response schema:
 * `useEndpoint("GET /api/placements", { query: { sector } })`.
 */
export function useEndpoint<E extends GetEndpoint>(endpoint: E | null, ...args: InputArgs<E>): ApiData<OutputOf<E>> {
  return useApi<OutputOf<E>>(endpoint ? urlFor(endpoint, ...args) : null);
}

/** Starts loading `path` now (e.g. on hover or before a lazy page has loaded). */
export function prefetch(path: string): void {
  if (!entries.has(path)) load(path);
}

/** Marks every cached URL that matches as stale; mounted readers refetch. */
export function invalidate(match: (path: string) => boolean): void {
  let any = false;
  for (const [path, e] of entries) {
    if (match(path)) {
      entries.set(path, { ...e, stale: true });
      any = true;
    }
  }
  if (any) emit();
}

/** Forgets everything (after signing in or out: drafts and rights change). */
export function invalidateAll(): void {
  invalidate(() => true);
}
