/**
 * Find a company or local unit by name or organisation number; a full organisation number opens
 * the company page at once, a name lists the matches.
 */
import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { PlainLink } from "../../components/AppLink.js";
import { ErrorMessage, Loading } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { useI18n } from "../../i18n/index.js";
import { hrefFor, navigate } from "../../router.js";
import { employeesText } from "./figures.js";
import { municipalityName } from "./municipalities.js";

export function CompanySearch({ idPrefix }: { idPrefix: string }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const { data, error, loading } = useEndpoint(q ? "GET /api/register/companies" : null, { query: { q, limit: 20 } });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const s = text.trim();
    const digits = s.replace(/\s/g, "");
    if (/^\d{9}$/.test(digits)) navigate(hrefFor({ name: "company", orgnr: digits }));
    else setQ(s);
  };
  return (
    <div className="nk-register__search">
      <search aria-label={t("register.search.label")}>
        <form className="nk-register__search-form" onSubmit={onSubmit}>
          <Textfield
            id={`${idPrefix}-company-q`}
            label={t("register.search.field")}
            description={t("register.search.help")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary">
            {t("register.search.submit")}
          </Button>
        </form>
      </search>
      <div aria-live="polite">
        {q &&
          (error ? (
            <ErrorMessage error={error} />
          ) : loading || !data ? (
            <Loading />
          ) : data.length === 0 ? (
            <Paragraph>{t("register.search.none", { q })}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm">{t("register.search.count", { count: data.length, q })}</Paragraph>
              <ul className="nk-register__hits">
                {data.map((e) => {
                  const emp = employeesText(e, locale);
                  return (
                    <li key={`${e.kind}-${e.orgnr}`}>
                      <PlainLink href={hrefFor({ name: "company", orgnr: e.orgnr })} className="nk-link">
                        {e.name}
                      </PlainLink>{" "}
                      <span className="nk-muted">
                        {[
                          e.orgnr,
                          t(`register.kind.${e.kind}One`),
                          e.orgForm,
                          municipalityName(e.areaCode) ?? e.areaCode,
                          emp === null ? null : t("register.search.employees", { value: emp }),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ))}
      </div>
    </div>
  );
}
