/**
 * Log a visit in under a minute: find the company by name or organisation number (the register
 * search), the date is today, tick who took part, pick the measure; notes are optional. Other kinds
 * (contact meeting, dialogue meeting, event, advocacy) use the same form.
 */
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { todayInOslo } from "../../../core/periods.js";
import { ApiError, api } from "../../api.js";
import { errorText } from "../../components/Feedback.js";
import { useEndpoint } from "../../data.js";
import { useI18n } from "../../i18n/index.js";
import { usePlanKey, usePlanTree } from "../plan/plans.js";
import {
  DEFAULT_EXEMPTION_BASIS,
  ENGAGEMENT_KINDS,
  type EngagementKind,
  type EngagementView,
  isEngagementKind,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from "./types.js";

interface Company {
  orgnr: string;
  name: string | null;
}

export interface QuickVisitDefaults {
  kind?: EngagementKind;
  companies?: Company[];
  measureKey?: string;
}

export function QuickVisitForm({ onSaved, defaults = {} }: { onSaved: (e: EngagementView) => void; defaults?: QuickVisitDefaults }) {
  const { t } = useI18n();
  const id = useId().replace(/:/g, "");
  const { key: planKey } = usePlanKey(undefined);
  const plan = usePlanTree(planKey);
  const organisations = useEndpoint("GET /api/engagements/organisations");
  const [kind, setKind] = useState<EngagementKind>(defaults.kind ?? "company_visit");
  const [date, setDate] = useState(todayInOslo());
  const [title, setTitle] = useState("");
  const [companies, setCompanies] = useState<Company[]>(defaults.companies ?? []);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [roles, setRoles] = useState<ParticipantRole[]>([]);
  const [measureKey, setMeasureKey] = useState(defaults.measureKey ?? "");
  const [organisationKey, setOrganisationKey] = useState("");
  const [notes, setNotes] = useState("");
  const [exempt, setExempt] = useState(false);
  const [basis, setBasis] = useState(DEFAULT_EXEMPTION_BASIS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hits = useEndpoint(search.length >= 2 ? "GET /api/register/companies" : null, { query: { q: search, limit: 8 } });

  const add = (c: Company) => {
    if (!companies.some((x) => x.orgnr === c.orgnr)) setCompanies([...companies, c]);
    setQuery("");
    setSearch("");
  };
  const onSearch = () => {
    const digits = normalizeOrgnr(query.trim());
    if (/^\d{9}$/.test(digits)) {
      if (isValidOrgnr(digits)) add({ orgnr: digits, name: null });
      else setError(t("engagements.form.badOrgnr"));
      return;
    }
    setSearch(query.trim());
  };
  const measures = (plan.data?.focusAreas ?? []).flatMap((a) => a.measures.map((m) => ({ key: m.key, text: m.text, area: a.number })));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const names = companies.map((c) => c.name ?? c.orgnr).join(", ");
    const body = {
      kind,
      date,
      title: title.trim() || (names ? `${t(`engagements.kind.${kind}`)}: ${names}` : t(`engagements.kind.${kind}`)),
      companies: companies.map((c) => ({ orgnr: c.orgnr, name: c.name })),
      participants: roles.map((role) => ({ role })),
      measureKeys: measureKey ? [measureKey] : [],
      organisationKeys: organisationKey ? [organisationKey] : [],
      notes: notes.trim() || null,
      notesExempt: exempt,
      notesExemptionBasis: exempt ? basis.trim() : null,
    };
    setBusy(true);
    try {
      const saved = await api("POST /api/engagements", { body });
      setCompanies([]);
      setTitle("");
      setRoles([]);
      setNotes("");
      setExempt(false);
      onSaved(saved);
    } catch (err) {
      setError(
        err instanceof ApiError ? [err.message, ...err.details.map((d) => `${d.path}: ${d.message}`)].join(" · ") : errorText(t, undefined),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="nk-form nk-quick-visit" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <Heading level={2} data-size="md" id={`${id}-heading`}>
        {t("engagements.form.heading")}
      </Heading>
      <Paragraph className="nk-muted">{t("engagements.form.intro")}</Paragraph>
      <div className="nk-form__row">
        <Field>
          <Label htmlFor={`${id}-kind`}>{t("engagements.form.kind")}</Label>
          <Select id={`${id}-kind`} value={kind} onChange={(e) => isEngagementKind(e.target.value) && setKind(e.target.value)} width="auto">
            {ENGAGEMENT_KINDS.filter((k) => k !== "welcome").map((k) => (
              <Select.Option key={k} value={k}>
                {t(`engagements.kind.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          id={`${id}-date`}
          label={t("engagements.form.date")}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          className="nk-field--short"
          required
        />
      </div>

      <Fieldset>
        <Fieldset.Legend>{t("engagements.form.companies")}</Fieldset.Legend>
        <Fieldset.Description>{t("engagements.form.companiesHelp")}</Fieldset.Description>
        {companies.length > 0 && (
          <ul className="nk-chips" aria-label={t("engagements.form.chosen")}>
            {companies.map((c) => (
              <li key={c.orgnr}>
                <span>
                  {c.name ?? t("engagements.form.unknownCompany")} ({c.orgnr})
                </span>{" "}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setCompanies(companies.filter((x) => x.orgnr !== c.orgnr))}
                  aria-label={t("engagements.form.remove", { name: c.name ?? c.orgnr })}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="nk-form__row">
          <Textfield
            id={`${id}-company`}
            label={t("engagements.form.companySearch")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                onSearch();
              }
            }}
            autoComplete="off"
          />
          <Button type="button" variant="secondary" onClick={onSearch}>
            {t("engagements.form.find")}
          </Button>
        </div>
        <div aria-live="polite">
          {search &&
            hits.data &&
            (hits.data.length === 0 ? (
              <Paragraph data-size="sm">{t("engagements.form.noHits", { q: search })}</Paragraph>
            ) : (
              <ul className="nk-hits">
                {hits.data.map((h) => (
                  <li key={`${h.kind}-${h.orgnr}`}>
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => add({ orgnr: h.orgnr, name: h.name })}>
                      {t("engagements.form.pick", { name: h.name, orgnr: h.orgnr })}
                    </Button>
                  </li>
                ))}
              </ul>
            ))}
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t("engagements.form.participants")}</Fieldset.Legend>
        {PARTICIPANT_ROLES.map((r) => (
          <Checkbox
            key={r}
            label={t(`engagements.role.${r}`)}
            value={r}
            checked={roles.includes(r)}
            onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
          />
        ))}
      </Fieldset>

      <Field>
        <Label htmlFor={`${id}-measure`}>{t("engagements.form.measure")}</Label>
        <Select id={`${id}-measure`} value={measureKey} onChange={(e) => setMeasureKey(e.target.value)}>
          <Select.Option value="">{t("engagements.form.noMeasure")}</Select.Option>
          {measures.map((m) => (
            <Select.Option key={m.key} value={m.key}>
              {`${m.area}. ${m.text.length > 90 ? `${m.text.slice(0, 88)}…` : m.text}`}
            </Select.Option>
          ))}
        </Select>
      </Field>

      {kind !== "company_visit" && (
        <Field>
          <Label htmlFor={`${id}-org`}>{t("engagements.form.organisation")}</Label>
          <Select id={`${id}-org`} value={organisationKey} onChange={(e) => setOrganisationKey(e.target.value)}>
            <Select.Option value="">{t("engagements.form.noOrganisation")}</Select.Option>
            {(organisations.data ?? []).map((o) => (
              <Select.Option key={o.key} value={o.key}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}

      <Textfield
        id={`${id}-title`}
        label={t("engagements.form.title")}
        description={t("engagements.form.titleHelp")}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <Textfield
        id={`${id}-notes`}
        label={t("engagements.form.notes")}
        multiline
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <Checkbox label={t("engagements.form.exempt")} checked={exempt} onChange={(e) => setExempt(e.target.checked)} value="exempt" />
      {exempt && (
        <Textfield
          id={`${id}-basis`}
          label={t("engagements.form.basis")}
          value={basis}
          onChange={(e) => setBasis(e.target.value)}
          required
        />
      )}

      <div aria-live="polite">
        {error && (
          <Alert data-color="danger" className="nk-alert">
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
      </div>
      <div className="nk-form__actions">
        <Button type="submit" loading={busy} disabled={busy}>
          {t("engagements.form.save")}
        </Button>
      </div>
    </form>
  );
}
