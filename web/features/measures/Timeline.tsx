/** The measure's status history, newest first. */
import { Paragraph } from "@digdir/designsystemet-react";
import { MeasureStatusTag } from "../../components/StatusTag.js";
import { formatDate, formatDateTime, formatPercent } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { MeasureUpdate } from "../../types.js";

export function Timeline({ updates }: { updates: MeasureUpdate[] }) {
  const { t, locale } = useI18n();
  if (updates.length === 0) return <Paragraph className="nk-muted">{t("measure.noUpdates")}</Paragraph>;
  return (
    <ol className="nk-timeline">
      {updates.map((u) => (
        <li key={u.id} className="nk-timeline__item">
          <span className="nk-timeline__dot" aria-hidden="true" />
          <div className="nk-timeline__head">
            <time dateTime={u.date} className="nk-timeline__date">
              {formatDate(u.date, locale)}
            </time>
            <MeasureStatusTag status={u.status} />
            <span className="nk-timeline__progress">{t("measure.progressValue", { value: formatPercent(u.progress, locale, 0) })}</span>
          </div>
          {u.comment && <p className="nk-timeline__comment">{u.comment}</p>}
          <p className="nk-timeline__meta">
            {t("measure.by", { author: u.author })} · <time dateTime={u.createdAt}>{formatDateTime(u.createdAt, locale)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
