/**
 * A company (hovedenhet) or local unit (underenhet) from the register snapshots: its register
 * facts (form, industry code with its standard, address, municipality, employees or size class,
 * registration date, bankruptcy and liquidation flags), its local units, and its history across
 * snapshots.
 */
import { Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { ORG_FORMS } from "../../core/register/org-forms.js";
import { PlainLink } from "../components/AppLink.js";
import { Breadcrumbs } from "../components/Breadcrumbs.js";
import { ErrorMessage, Loading } from "../components/Feedback.js";
import { PageHeading } from "../components/PageHeading.js";
import { useEndpoint } from "../data.js";
import { CompanyEngagements } from "../features/engagements/CompanyEngagements.js";
import { DataTable } from "../features/register/DataTable.js";
import { employeesText } from "../features/register/figures.js";
import { municipalityName } from "../features/register/municipalities.js";
import { DASH, Section } from "../features/register/shared.js";
import { formatDate } from "../format.js";
import { useI18n } from "../i18n/index.js";
import { hrefFor } from "../router.js";
import type { CompanyView, RegisterEntityView } from "../types.js";
import "../styles/logs.css";
import "../styles/register.css";

const P = "co";
/** Eurostat's knowledge-intensive service groups (core/register/kis.ts KIS_GROUPS; not imported: it pulls in the code lists). */
const KIS = ["KIMS", "HTKIS", "KIFS", "OKIS"];

export default function CompanyPage({ orgnr }: { orgnr: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useEndpoint("GET /api/register/companies/:orgnr", { params: { orgnr } });
  const crumbs = [
    { href: hrefFor({ name: "overview" }), label: t("nav.overview") },
    { href: hrefFor({ name: "business-structure" }), label: t("register.title") },
  ];
  if (error && !data) {
    const title = t("company.notFoundTitle", { orgnr });
    return (
      <div className="nk-container nk-narrow nk-register">
        <Breadcrumbs items={crumbs} />
        <PageHeading title={title}>{title}</PageHeading>
        {error.status === 404 ? <Paragraph>{t("company.notFound", { orgnr })}</Paragraph> : <ErrorMessage error={error} />}
      </div>
    );
  }
  if (!data)
    return (
      <div className="nk-container">
        <Loading />
      </div>
    );
  return (
    <div className="nk-container nk-log-page nk-register">
      <Breadcrumbs items={crumbs} />
      <div className="nk-pagehead">
        <p className="nk-eyebrow">{t(`register.kind.${data.kind}One`)}</p>
        <PageHeading title={data.name}>{data.name}</PageHeading>
        <Paragraph className="nk-lead">{t("company.lead", { orgnr: data.orgnr, date: formatDate(data.asOf, locale) })}</Paragraph>
        {data.inRegister === false && <Paragraph className="nk-register__note">{t("company.onlyUnits")}</Paragraph>}
        <Flags entity={data} />
      </div>
      <Facts company={data} />
      {/* The office's visits, meetings and follow-ups with this company (issue #5; signed-in users only). */}
      <CompanyEngagements orgnr={data.orgnr} />
      <Units company={data} />
      <History company={data} />
    </div>
  );
}

function Flags({ entity }: { entity: RegisterEntityView }) {
  const { t, locale } = useI18n();
  if (!entity.bankrupt && !entity.liquidating && !entity.closedOn) return null;
  return (
    <p className="nk-tags">
      {entity.bankrupt && (
        <Tag data-color="danger" data-size="sm">
          {t("company.bankrupt")}
        </Tag>
      )}
      {entity.liquidating && (
        <Tag data-color="warning" data-size="sm">
          {t("company.liquidating")}
        </Tag>
      )}
      {entity.closedOn && (
        <Tag data-color="neutral" data-size="sm">
          {t("company.closedOn", { date: formatDate(entity.closedOn, locale) })}
        </Tag>
      )}
    </p>
  );
}

function addressText(e: RegisterEntityView): string | null {
  const place = [e.postalCode, e.postalPlace].filter(Boolean).join(" ");
  const s = [e.address, place].filter(Boolean).join(", ");
  return s || null;
}

function Facts({ company: c }: { company: CompanyView }) {
  const { t, locale } = useI18n();
  const employees = employeesText(c, locale);
  const area = c.areaCode ? `${municipalityName(c.areaCode) ?? c.areaCode} (${c.areaCode})` : null;
  const rows: [string, ReactNode][] = [
    [t("company.orgnr"), c.orgnr],
    [t("company.form"), c.orgForm ? `${ORG_FORMS[c.orgForm] ?? c.orgForm} (${c.orgForm})` : DASH],
    [
      t("company.industry"),
      c.naceCode
        ? `${t("company.industryCode", { code: c.naceCode, standard: c.naceVersion ?? t("register.standardUnknown") })}${c.naceName ? ` ${c.naceName}` : ""}`
        : t("company.noIndustry"),
    ],
    [t("company.section"), c.naceSection ? `${c.naceSection}${c.naceVersion ? ` (${c.naceVersion})` : ""}` : DASH],
    [
      t("company.kis"),
      c.kisGroup && KIS.includes(c.kisGroup) ? `${t("common.yes")} (${t(`company.kisGroup.${c.kisGroup}`)})` : t("common.no"),
    ],
    [
      t(c.addressRule ? `company.address.${c.addressRule}` : "company.address.unknown", { defaultValue: t("company.address.unknown") }),
      addressText(c) ?? DASH,
    ],
    [
      t("company.municipality"),
      area ? (
        <PlainLink key="area" href={hrefFor({ name: "business-structure", area: c.areaCode ?? undefined })} className="nk-link">
          {area}
        </PlainLink>
      ) : (
        DASH
      ),
    ],
    [t("company.employees"), employees === null ? t("company.employeesUnknown") : employees],
    [t("company.registeredOn"), c.registeredOn ? formatDate(c.registeredOn, locale) : DASH],
    [t("company.startedOn"), c.startedOn ? formatDate(c.startedOn, locale) : DASH],
    [t("company.bankruptLabel"), c.bankrupt ? t("common.yes") : t("common.no")],
    [t("company.liquidatingLabel"), c.liquidating ? t("common.yes") : t("common.no")],
  ];
  if (c.parentOrgnr)
    rows.push([
      t("company.parent"),
      <PlainLink key="parent" href={hrefFor({ name: "company", orgnr: c.parentOrgnr })} className="nk-link">
        {c.parentOrgnr}
      </PlainLink>,
    ]);
  return (
    <Section
      id={`${P}-facts-heading`}
      title={t("company.factsHeading")}
      source={t("company.factsSource", { kind: t(`register.kind.${c.kind}`), date: formatDate(c.asOf, locale) })}
    >
      <dl className="nk-register__facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {c.employees === null && c.sizeClass === "1-4" && <Paragraph className="nk-register__note">{t("company.smallNote")}</Paragraph>}
    </Section>
  );
}

function Units({ company }: { company: CompanyView }) {
  const { t, locale } = useI18n();
  if (company.kind !== "enheter") return null;
  return (
    <Section id={`${P}-units-heading`} title={t("company.unitsHeading", { count: company.units.length })}>
      {company.units.length === 0 ? (
        <Paragraph className="nk-register__empty">{t("company.noUnits")}</Paragraph>
      ) : (
        <DataTable
          caption={t("company.unitsCaption", { name: company.name, date: formatDate(company.units[0]?.asOf ?? company.asOf, locale) })}
          rows={company.units}
          rowKey={(u) => u.orgnr}
          columns={[
            {
              label: t("register.col.unit"),
              cell: (u) => (
                <PlainLink href={hrefFor({ name: "company", orgnr: u.orgnr })} className="nk-link">
                  {u.name}
                </PlainLink>
              ),
            },
            { label: t("register.col.orgnr"), cell: (u) => u.orgnr },
            { label: t("company.address.beliggenhetsadresse"), cell: (u) => addressText(u) ?? DASH },
            { label: t("register.col.municipality"), cell: (u) => (u.areaCode ? (municipalityName(u.areaCode) ?? u.areaCode) : DASH) },
            { label: t("company.industry"), cell: (u) => (u.naceCode ? `${u.naceCode} (${u.naceVersion ?? "?"})` : DASH) },
            { label: t("company.employees"), cell: (u) => employeesText(u, locale) ?? DASH, num: true },
          ]}
        />
      )}
    </Section>
  );
}

function History({ company }: { company: CompanyView }) {
  const { t, locale } = useI18n();
  return (
    <Section id={`${P}-history-heading`} title={t("company.historyHeading")}>
      <Paragraph className="nk-muted">{t("company.historyIntro")}</Paragraph>
      <DataTable
        caption={t("company.historyCaption", { count: company.history.length })}
        rows={company.history}
        rowKey={(h) => String(h.snapshotId)}
        columns={[
          { label: t("register.col.date"), cell: (h) => formatDate(h.asOf, locale) },
          { label: t("register.col.register"), cell: (h) => t(`register.kind.${h.kind}`) },
          {
            label: t("register.col.municipality"),
            cell: (h) => (h.areaCode ? `${municipalityName(h.areaCode) ?? h.areaCode} (${h.areaCode})` : DASH),
          },
          { label: t("company.employees"), cell: (h) => employeesText(h, locale) ?? DASH, num: true },
        ]}
      />
    </Section>
  );
}
