/** Formatting and small pieces the register sections share. */
import { Heading } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { formatDate, formatFractionAsPercent, formatNumber, type Locale } from "../../format.js";
import { useI18n } from "../../i18n/index.js";
import type { SnapshotRef } from "../../types.js";

export const DASH = "–";

export function num(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? DASH : formatNumber(v, locale, 0);
}

/** A share 0–1 as "36,2 %". */
export function pct(v: number | null | undefined, locale: Locale): string {
  return v === null || v === undefined ? DASH : formatFractionAsPercent(v, locale, 1);
}

/** "hovedenheter 15.06.2022 (SN2007, hele landet)" – which snapshot a figure comes from. */
export function useSnapshotText(): (s: Pick<SnapshotRef, "kind" | "asOf" | "naceVersion" | "scope">) => string {
  const { t, locale } = useI18n();
  return (s) =>
    t("register.snapshotText", {
      kind: t(`register.kind.${s.kind}`),
      date: formatDate(s.asOf, locale),
      standard: s.naceVersion ?? t("register.standardUnknown"),
      scope: s.scope === "national" ? t("register.scopeNational") : s.scope,
    });
}

/** A section with an h2 and an optional line under it saying where the figures come from. */
export function Section({ id, title, source, children }: { id: string; title: string; source?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="nk-section nk-register__section">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {source && <p className="nk-register__source">{source}</p>}
      {children}
    </section>
  );
}
