/** A status as a Designsystemet Tag: colour, icon and text together, never colour alone. */
import { Tag } from "@digdir/designsystemet-react";
import { MEASURE_STATUS_STYLE, TARGET_STATUS_STYLE } from "../features/status/status.js";
import { useI18n } from "../i18n/index.js";
import type { MeasureStatus, TargetStatus } from "../types.js";
import { Icon } from "./Icon.js";

export function TargetStatusTag({ status, size = "sm" }: { status: TargetStatus; size?: "sm" | "md" }) {
  const { t } = useI18n();
  const style = TARGET_STATUS_STYLE[status];
  return (
    <Tag data-color={style.color} data-size={size} className="nk-status" data-status={status}>
      <Icon name={style.icon} />
      {t(`targetStatus.${status}`)}
    </Tag>
  );
}

export function MeasureStatusTag({ status, size = "sm" }: { status: MeasureStatus; size?: "sm" | "md" }) {
  const { t } = useI18n();
  const style = MEASURE_STATUS_STYLE[status];
  return (
    <Tag data-color={style.color} data-size={size} variant="outline" className="nk-status" data-status={status}>
      <Icon name={style.icon} />
      {t(`measureStatus.${status}`)}
    </Tag>
  );
}
