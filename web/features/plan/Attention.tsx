/** "Trenger oppfølging": the targets off track or at risk, worst first, each linked to where it sits. */
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { PlainLink } from "../../components/AppLink.js";
import { TargetStatusTag } from "../../components/StatusTag.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor } from "../../router.js";
import type { PlanTree } from "../../types.js";
import { needingAttention } from "../indicators/targetsFor.js";

export function Attention({ plan, planKey }: { plan: PlanTree; planKey: string | undefined }) {
  const { t } = useI18n();
  const { items, total } = needingAttention(plan, 5);
  return (
    <div className="nk-attention">
      <Heading level={3} data-size="xs">
        {t("attention.heading", { count: total })}
      </Heading>
      {items.length === 0 ? (
        <Paragraph data-size="sm" className="nk-muted">
          {t("attention.none")}
        </Paragraph>
      ) : (
        <ul className="nk-attention__list">
          {items.map((x) => (
            <li key={x.target.id} className="nk-attention__item">
              <TargetStatusTag status={x.target.status} />
              <span className="nk-attention__text">
                <PlainLink
                  href={
                    x.measureId ? hrefFor({ name: "measure", id: x.measureId }) : hrefFor({ name: "area", planKey, number: x.areaNumber })
                  }
                  className="nk-link"
                >
                  {x.target.text}
                </PlainLink>
                <span className="nk-attention__why">
                  {x.target.explanation.text} · {t("attention.area", { number: x.areaNumber, title: x.areaTitle })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > items.length && (
        <Paragraph data-size="sm" className="nk-muted">
          {t("attention.more", { count: total - items.length })}
        </Paragraph>
      )}
    </div>
  );
}
