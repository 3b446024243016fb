/** One focus area on the overview: number, title (link), its targets and measures by status. */

import { Card, Heading } from "@digdir/designsystemet-react";
import { countTotal } from "../../../core/plan/counts.js";
import { PlainLink } from "../../components/AppLink.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { FocusArea } from "../../types.js";
import { StatusSummary } from "../status/StatusSummary.js";

export function AreaCard({ area, planKey }: { area: FocusArea; planKey: string | undefined }) {
  const { t } = useI18n();
  const href = hrefFor({ name: "area", planKey, number: area.number });
  const targetTotal = countTotal(area.counts.targets);
  const measureTotal = countTotal(area.counts.measures);
  return (
    <Card className="nk-area-card" data-color="neutral">
      <div className="nk-area-card__head">
        <span className="nk-area-card__number" aria-hidden="true">
          {area.number}
        </span>
        <Heading level={3} data-size="xs" className="nk-area-card__title">
          <PlainLink href={href} className="nk-link nk-area-card__link">
            <span className="nk-visually-hidden">{t("area.numberPrefix", { number: area.number })} </span>
            {area.title}
          </PlainLink>
        </Heading>
      </div>
      <div className="nk-area-card__group">
        <p className="nk-area-card__label">{t("overview.targetsCount", { count: targetTotal })}</p>
        <StatusSummary kind="targets" counts={area.counts.targets} compact />
      </div>
      <div className="nk-area-card__group">
        <p className="nk-area-card__label">{t("overview.measuresCount", { count: measureTotal })}</p>
        <StatusSummary kind="measures" counts={area.counts.measures} compact />
      </div>
    </Card>
  );
}
