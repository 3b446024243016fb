/**
 * The plans the visitor may read, and which one the pages show when the URL names none (the
 * first adopted plan; the first customer has one).
 */
import { apiPath } from "../../api.js";
import { useApi } from "../../data.js";
import { useI18n } from "../../i18n/index.js";
import type { PlanSummary, PlanTree } from "../../types.js";

export function usePlans() {
  return useApi<PlanSummary[]>("/api/plans");
}

export function pickDefaultPlan(plans: readonly PlanSummary[] | undefined): PlanSummary | undefined {
  if (!plans?.length) return undefined;
  return plans.find((p) => p.status === "adopted") ?? plans[0];
}

/** The plan named in the URL, or the default plan. `key` is undefined until the list has loaded. */
export function usePlanKey(planKey: string | undefined): {
  key: string | undefined;
  error: ReturnType<typeof usePlans>["error"];
  none: boolean;
} {
  const plans = usePlans();
  if (planKey) return { key: planKey, error: undefined, none: false };
  const plan = pickDefaultPlan(plans.data);
  return { key: plan?.key, error: plans.error, none: !!plans.data && plans.data.length === 0 };
}

export function planTreePath(key: string, locale: string): string {
  return apiPath(`/api/plans/${encodeURIComponent(key)}`, { lang: locale });
}

/** The full evaluated plan tree in the current language. */
export function usePlanTree(key: string | undefined) {
  const { locale } = useI18n();
  return useApi<PlanTree>(key ? planTreePath(key, locale) : null);
}

export function planIndicatorsPath(planKey: string): string {
  return `/api/plans/${encodeURIComponent(planKey)}/indicators`;
}

/** Every cached read that a write to the plan can change (trees, changes, indicators, measures). */
export function isPlanDataPath(path: string): boolean {
  return (
    path.startsWith("/api/plans/") ||
    path.startsWith("/api/measures/") ||
    path.startsWith("/api/indicators/") ||
    path.startsWith("/api/targets/") ||
    path.startsWith("/api/search")
  );
}
