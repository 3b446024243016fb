/**
 * Counts by status: a thin stacked bar (decorative) and the same numbers as text with icons,
 * so nothing depends on colour.
 */
import { Icon } from "../../components/Icon.js";
import { useI18n } from "../../i18n/index.js";
import { MEASURE_STATUS_STYLE, roundedShares, summarizeMeasures, summarizeTargets, TARGET_STATUS_STYLE } from "./status.js";

type Kind = "targets" | "measures";

export function StatusSummary({
  kind,
  counts,
  compact = false,
}: {
  kind: Kind;
  counts: Partial<Record<string, number>>;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const summary = kind === "targets" ? summarizeTargets(counts) : summarizeMeasures(counts);
  const styles: Record<string, { color: string; icon: Parameters<typeof Icon>[0]["name"] }> =
    kind === "targets" ? TARGET_STATUS_STYLE : MEASURE_STATUS_STYLE;
  const labelKey = kind === "targets" ? "targetStatus" : "measureStatus";
  if (summary.total === 0)
    return <p className="nk-muted nk-summary__none">{t(kind === "targets" ? "summary.noTargets" : "summary.noMeasures")}</p>;
  const widths = roundedShares(summary.slices.map((s) => s.count));
  return (
    <div className={compact ? "nk-summary nk-summary--compact" : "nk-summary"}>
      <div className="nk-summary__bar" aria-hidden="true">
        {summary.slices.map((s, i) => (
          <span
            key={s.status}
            className="nk-summary__seg"
            data-color={styles[s.status]?.color}
            data-status={s.status}
            style={{ width: `${widths[i]}%` }}
          />
        ))}
      </div>
      <ul className="nk-summary__list">
        {summary.slices.map((s) => (
          <li key={s.status} className="nk-summary__item" data-color={styles[s.status]?.color}>
            <Icon name={styles[s.status]?.icon ?? "dash"} className="nk-summary__icon" />
            <span className="nk-summary__count">{s.count}</span> <span>{t(`${labelKey}.${s.status}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A small key to the status colours and icons. */
export function StatusLegend({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  const entries = Object.entries(kind === "targets" ? TARGET_STATUS_STYLE : MEASURE_STATUS_STYLE);
  const labelKey = kind === "targets" ? "targetStatus" : "measureStatus";
  const title = t(kind === "targets" ? "legend.targets" : "legend.measures");
  return (
    <div className="nk-legend">
      <span className="nk-legend__title" aria-hidden="true">
        {title}
      </span>
      <ul className="nk-legend__list" aria-label={title}>
        {entries.map(([status, style]) => (
          <li key={status} className="nk-legend__item" data-color={style.color}>
            <span className="nk-legend__swatch" data-color={style.color} data-status={status}>
              <Icon name={style.icon} />
            </span>
            {t(`${labelKey}.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
