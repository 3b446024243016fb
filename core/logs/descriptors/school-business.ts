/**
 * School and business (skole og næringsliv), per school year: Ungt Entreprenørskap programme runs
 * in the municipality's schools (school, grade, programme, pupils) and apprenticeship and practice
 * places in the municipality's own services (unit, trade, places). Counts only; no pupil or
 * apprentice is named.
 */
import { defineLog } from "../descriptor.js";

export const SCHOOL_BUSINESS_KINDS = ["ue_programme", "apprenticeship"] as const;

export const schoolBusinessLog = defineLog({
  key: "school-business",
  path: "/api/school-business",
  webPath: "skole-og-naeringsliv",
  tag: "school-business",
  entity: "school_business_entry",
  importKind: "school_business",
  noun: "School and business",
  fileName: "skole-og-naeringsliv.csv",
  i18n: "schoolBusiness",
  fields: {
    schoolYear: {
      type: "schoolYear",
      label: "schoolBusiness.field.schoolYear",
      csv: { header: "Skoleår", aliases: ["school_year", "skolear"] },
    },
    kind: {
      type: "enum",
      values: SCHOOL_BUSINESS_KINDS,
      labels: {
        ue_programme: ["Ungt Entreprenørskap", "UE", "ue_programme"],
        apprenticeship: ["lærlinge- og praksisplasser", "lærlingplasser", "læreplasser", "apprenticeship"],
      },
      options: "schoolBusiness.kind",
      label: "schoolBusiness.field.kind",
      csv: { header: "Type", aliases: ["kind"] },
    },
    place: {
      type: "text",
      label: "schoolBusiness.field.place",
      csv: { header: "Skole/enhet", aliases: ["skole", "enhet", "school", "unit"] },
    },
    grade: {
      type: "text",
      max: 40,
      optional: true,
      label: "schoolBusiness.field.grade",
      csv: { header: "Trinn", aliases: ["grade", "klassetrinn"] },
    },
    programme: {
      type: "text",
      optional: true,
      label: "schoolBusiness.field.programme",
      csv: { header: "Program", aliases: ["programme"] },
    },
    trade: { type: "text", optional: true, label: "schoolBusiness.field.trade", csv: { header: "Fag", aliases: ["trade", "lærefag"] } },
    count: {
      type: "integer",
      min: 1,
      max: 100_000,
      label: "schoolBusiness.field.count",
      csv: { header: "Antall", aliases: ["elever", "plasser", "pupils", "places"] },
    },
  },
  naturalKey: ["schoolYear", "kind", "place", "grade", "programme", "trade"],
  order: ["schoolYear", "kind", "place", "grade", "programme", "trade"],
  filters: ["schoolYear", "kind"],
  indicators: [
    {
      key: "ungt-entreprenorskap-pupils",
      by: "schoolYear",
      sum: "count",
      where: { kind: ["ue_programme"] },
      source: "Næringskompass: skole og næringsliv",
    },
    {
      key: "municipal-apprenticeship-places",
      by: "schoolYear",
      sum: "count",
      where: { kind: ["apprenticeship"] },
      source: "Næringskompass: skole og næringsliv",
    },
  ],
  write: ["admin", "editor"],
  privacy: { personal: [] },
});
