/** Progress 0–100 as a bar (decorative) and the number as text. */
import { formatPercent } from "../format.js";
import { useI18n } from "../i18n/index.js";

export function Progress({ value }: { value: number }) {
  const { locale } = useI18n();
  const v = Math.max(0, Math.min(100, value));
  return (
    <span className="nk-progress">
      <span className="nk-progress__track" aria-hidden="true">
        <span className="nk-progress__fill" style={{ width: `${v}%` }} />
      </span>
      <span className="nk-progress__text">{formatPercent(v, locale, 0)}</span>
    </span>
  );
}
