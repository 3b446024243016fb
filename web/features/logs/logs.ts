/** Which plan indicators each delivery log feeds (docs/delivery-logs.md, docs/building-cases.md). */
import { indicatorKeysOf } from "../../../core/logs/descriptor.js";
import { placementsLog } from "../../../core/logs/descriptors/placements.js";
import { GENERIC_LOGS, type LogRouteName, type Route } from "../../router.js";
import { isPlanDataPath } from "../plan/plans.js";

export const LOG_INDICATORS: Record<LogRouteName, readonly string[]> = {
  "building-cases": ["building-case-processing-weeks"],
  entrepreneurs: ["entrepreneurs-guided", "entrepreneurs-growth-potential"],
  placements: indicatorKeysOf(placementsLog),
  projects: ["innovative-procurements", "futurebuilt-projects", "welfare-tech-projects"],
  engagements: [
    "company-visits",
    "company-visits-political-leadership",
    "company-visits-administrative-leadership",
    "top10-contact-offers",
    "top10-contact-meetings-held",
    "dialogue-meetings",
    "companies-welcomed",
    "advocacy-actions",
    "advocacy-actions-e18-e16",
    "advocacy-actions-mobile-coverage",
    "advocacy-actions-public-transport",
    "advocacy-actions-with-business",
  ],
};

/** The log an indicator is derived from, if any. */
export function logForIndicator(indicatorKey: string | null | undefined): LogRouteName | null {
  if (!indicatorKey) return null;
  for (const [log, keys] of Object.entries(LOG_INDICATORS) as [LogRouteName, readonly string[]][])
    if (keys.includes(indicatorKey)) return log;
  return null;
}

/** The logs (with their route and the i18n key of their name) that feed any of these indicators. */
export function logLinksFor(indicatorKeys: readonly (string | null | undefined)[]): { route: Route; label: string }[] {
  const out = new Map<string, { route: Route; label: string }>();
  for (const key of indicatorKeys) {
    const log = logForIndicator(key);
    if (log) out.set(log, { route: { name: log }, label: `logs.name.${log}` });
    for (const d of GENERIC_LOGS)
      if (key && indicatorKeysOf(d).includes(key)) out.set(d.key, { route: { name: "log", key: d.key }, label: `${d.i18n}.title` });
  }
  return [...out.values()];
}

/** Every cached read a write to a log can change: the log's own lists and everything showing the plan's evaluated targets. */
export function isLogDataPath(prefix: string): (path: string) => boolean {
  return (path) => path.startsWith(prefix) || isPlanDataPath(path);
}
