/** "Siste endringer": the latest status updates and recorded values in the plan. */
import { Paragraph } from "@digdir/designsystemet-react";
import { PlainLink } from "../../components/AppLink.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { Icon } from "../../components/Icon.js";
import { useEndpoint } from "../../data.js";
import { formatDateTime } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";

export function RecentChanges({ planKey }: { planKey: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/plans/:id/changes", { params: { id: planKey }, query: { limit: 8, lang: locale } });
  if (error && !data) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  if (data.length === 0) return <Paragraph className="nk-muted">{t("changes.none")}</Paragraph>;
  return (
    <ol className="nk-changes">
      {data.map((c) => {
        const href = c.measureId
          ? hrefFor({ name: "measure", id: c.measureId })
          : c.indicatorKey
            ? hrefFor({ name: "indicator", key: c.indicatorKey })
            : undefined;
        return (
          <li key={`${c.at}-${c.kind}-${c.measureId ?? c.indicatorKey}`} className="nk-changes__item">
            <span className="nk-changes__kind">
              <Icon name={c.kind === "measure_update" ? "arrow" : "check"} />
              {t(`changes.kind.${c.kind}`)}
            </span>
            <span className="nk-changes__title">
              {href ? (
                <PlainLink href={href} className="nk-link">
                  {c.title}
                </PlainLink>
              ) : (
                c.title
              )}
            </span>
            <span className="nk-changes__detail">{c.detail}</span>
            <span className="nk-changes__meta">
              <time dateTime={c.at}>{formatDateTime(c.at, locale)}</time> · {c.author}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
