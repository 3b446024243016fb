/**
 * The plans the visitor may read, and which one the pages show when the URL names none (the
 * first adopted plan; the first customer has one).
 */
import { useEndpoint } from "../../data.js";
import { useI18n } from "../../i18n/index.js";
import type { PlanSummary } from "../../types.js";

export function usePlans() {
  return useEndpoint("GET /api/plans");
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

/** The full evaluated plan tree in the current language. */
export function usePlanTree(key: string | undefined) {
  const { locale } = useI18n();
  return useEndpoint(key ? "GET /api/plans/:id" : null, { params: { id: key ?? "" }, query: { lang: locale } });
}

/** The plan's indicators in plan order, with their values for the plan's municipality. */
export function usePlanIndicators(planKey: string | undefined) {
  return useEndpoint(planKey ? "GET /api/plans/:id/indicators" : null, { params: { id: planKey ?? "" } });
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
