/** Search results across focus areas, goals, measures and indicators of the plan. */
import { Button, Heading, Input, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { PlainLink } from "../components/AppLink.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { usePlanKey } from "../features/plan/plans.js";
import { groupHits, hitHref } from "../features/search/search.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor, navigate } from "../router.js";

export default function SearchPage({ q, planKey }: { q: string; planKey?: string }) {
  const { t } = useI18n();
  const { key } = usePlanKey(planKey);
  const query = q.trim();
  const { data, error, loading } = useEndpoint(key && query.length >= 2 ? "GET /api/search" : null, {
    query: { q: query, plan: key ?? "" },
  });
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(hrefFor({ name: "search", q: text.trim(), planKey }), { replace: true });
  };
  const groups = groupHits(data ?? []);
  const title = query ? t("search.resultsFor", { q: query }) : t("search.title");

  return (
    <div className="nk-container nk-search-page">
      <PageHeading title={title}>{title}</PageHeading>
      <search aria-label={t("search.pageFormLabel")}>
        <form className="nk-search-form" onSubmit={onSubmit}>
          <label htmlFor="page-search" className="nk-visually-hidden">
            {t("search.label")}
          </label>
          <Input id="page-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          <Button type="submit">{t("search.submit")}</Button>
        </form>
      </search>
      <div aria-live="polite" className="nk-search-results">
        {query.length < 2 ? (
          <Paragraph className="nk-muted">{t("search.tooShort")}</Paragraph>
        ) : error && !data ? (
          <ErrorMessage error={error} />
        ) : !data || loading ? (
          <Loading label={t("search.searching")} />
        ) : data.length === 0 ? (
          <Paragraph>{t("search.none", { q: query })}</Paragraph>
        ) : (
          <>
            <Paragraph>{t("search.count", { count: data.length })}</Paragraph>
            {groups.map((g) => (
              <section key={g.kind} aria-labelledby={`hits-${g.kind}`} className="nk-section nk-section--tight">
                <Heading level={2} data-size="sm" id={`hits-${g.kind}`}>
                  {t(`search.kind.${g.kind}`, { count: g.hits.length })}
                </Heading>
                <ul className="nk-hits">
                  {g.hits.map((h) => (
                    <li key={h.id} className="nk-hit">
                      <PlainLink href={hitHref(h, planKey)} className="nk-link">
                        {h.title}
                      </PlainLink>
                      {h.focusAreaNumber !== undefined && h.kind !== "focus_area" && (
                        <span className="nk-muted"> · {t("search.inArea", { number: h.focusAreaNumber })}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
