/** Which municipality and date the analysis shows: a form that navigates (the URL keeps the choice). */
import { Button, Field, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.js";
import { hrefFor, navigate } from "../../router.js";
import { municipalitiesByName } from "./municipalities.js";

const ALL = municipalitiesByName();

export function AreaPicker({ area, asOf, view, idPrefix }: { area: string; asOf?: string; view?: "ranking"; idPrefix: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState(area);
  const [date, setDate] = useState(asOf ?? "");
  useEffect(() => setCode(area), [area]);
  useEffect(() => setDate(asOf ?? ""), [asOf]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(hrefFor({ name: "business-structure", area: code, asOf: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined, view }));
  };
  const known = ALL.some((m) => m.code === area);
  return (
    <form className="nk-filters nk-register__picker" onSubmit={onSubmit} aria-label={t("register.picker.label")}>
      <Field>
        <Label htmlFor={`${idPrefix}-area`}>{t("register.picker.municipality")}</Label>
        <Select id={`${idPrefix}-area`} value={code} onChange={(e) => setCode(e.target.value)}>
          {!known && <Select.Option value={area}>{area}</Select.Option>}
          {ALL.map((m) => (
            <Select.Option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={`${idPrefix}-date`}
        label={t("register.picker.asOf")}
        description={t("register.picker.asOfHelp")}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <div>
        <Button type="submit">{t("register.picker.show")}</Button>
      </div>
    </form>
  );
}
