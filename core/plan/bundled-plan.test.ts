import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TargetSpec } from "../targets/spec.js";
import type { FocusAreaDoc, PlanDocument } from "./document.js";
import { formatIssue, type LocatedIssue, parsePlanDocument } from "./parse.js";

const bundledText = readFileSync(new URL("../../data/plans/baerum-2015.yaml", import.meta.url), "utf8");
const seedText = readFileSync(new URL("../../test/fixtures/seed/baerum-2015.txt", import.meta.url), "utf8");
const askerText = readFileSync(new URL("../../test/fixtures/plans/asker-mini.yaml", import.meta.url), "utf8");

const norm = (s: string): string => s.replace(/\s+/g, " ").trim();
const describeIssues = (issues: LocatedIssue[]): string => issues.map(formatIssue).join("\n");

function parseOrFail(text: string): PlanDocument {
  const result = parsePlanDocument(text);
  if (!result.ok) expect.fail(`plan did not parse:\n${describeIssues(result.issues)}`);
  return result.plan;
}

const plan = parseOrFail(bundledText);

function area(n: number): FocusAreaDoc {
  const found = plan.focusAreas.find((a) => a.number === n);
  if (!found) expect.fail(`no focus area number ${n}`);
  return found;
}

// ─── Independent extraction from the seed text ────────────────────────────────────────────────
// Works on the PDF-extracted text only; nothing here is read from the YAML.

interface SeedBullet {
  /** Bullet character as it appears in the seed: "-", "", "" or "o". */
  marker: string;
  text: string;
  /** Fakta sub-heading the bullet stands under, if any. */
  group?: string;
  /** Sub-bullets ("" / "o") attached to a lead bullet (used for Mål). */
  subs: string[];
}

interface SeedSection {
  number: number;
  facts: SeedBullet[];
  goals: SeedBullet[];
  measures: SeedBullet[];
}

const BULLET = /^\s*(-|\uf0b7|\uf0d8|o)\s+(?=\S)/;
const SUB_MARKERS = new Set(["\uf0d8", "o"]);
const SECTION_HEADER = /^\s*Satsingsområde\s+(\d)\s*:/;
const PAGE_FURNITURE = [/^Strategisk næringsplan Bærum kommune \d{4}\.\s+Side \d+$/, /^\d+$/];
/** Sub-headings inside the Fakta lists (Satsingsområde 1). */
const FACT_GROUPS = new Set(["Økonomi", "Sysselsetting", "Utdanning, forskning og utvikling"]);
/**
 * First line after each Fakta list: the next narrative heading (or, for area 7, the first
 * narrative sentence). Needed because wrapped fact lines can begin with a capital letter.
 */
const FACTS_END: Record<number, string> = {
  1: "De viktige kunnskapsnæringene",
  2: "Næringsvennlig kommune",
  3: "Bærum Næringsråd",
  4: "Bedriftsnettverk og næringsklynger",
  5: "Handelsnæringen",
  6: "Kommuneplanen arealstrategi",
  7: "Den forventede sterke befolkningsøkningen",
};

function extractSeedSections(text: string): SeedSection[] {
  const lines = text.split(/\r?\n/);
  const sections: { number: number; lines: string[] }[] = [];
  for (const line of lines) {
    const header = SECTION_HEADER.exec(line);
    if (header) sections.push({ number: Number(header[1]), lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections.map(({ number, lines: sectionLines }) => {
    const out: SeedSection = { number, facts: [], goals: [], measures: [] };
    let mode: "intro" | "facts" | "narrative" | "goals" | "measures" = "intro";
    let group: string | undefined;
    let current: SeedBullet | undefined;
    for (const raw of sectionLines) {
      const line = raw.trim();
      if (line === "" || PAGE_FURNITURE.some((re) => re.test(line))) continue;
      if (line === "Fakta") {
        mode = "facts";
        current = undefined;
        continue;
      }
      if (line === "Mål") {
        mode = "goals";
        current = undefined;
        continue;
      }
      if (/^Tiltak\s+2015\s*[-–]\s*2018$/.test(line)) {
        mode = "measures";
        current = undefined;
        continue;
      }
      if (mode === "intro" || mode === "narrative") continue;
      if (mode === "facts") {
        const end = FACTS_END[number];
        if (end !== undefined && line.startsWith(end)) {
          mode = "narrative";
          current = undefined;
          continue;
        }
        if (FACT_GROUPS.has(line)) {
          group = line;
          current = undefined;
          continue;
        }
      }
      const list = mode === "facts" ? out.facts : mode === "goals" ? out.goals : out.measures;
      const bullet = BULLET.exec(raw);
      if (bullet) {
        const marker = bullet[1] ?? "";
        const body = raw.slice(bullet[0].length);
        const lead = list.at(-1);
        if (mode === "goals" && SUB_MARKERS.has(marker) && lead && !SUB_MARKERS.has(lead.marker)) {
          lead.subs.push(body);
          current = undefined; // sub-points of this seed are single lines
          continue;
        }
        current = { marker, text: body, subs: [], ...(mode === "facts" && group ? { group } : {}) };
        list.push(current);
      } else if (current) {
        current.text += ` ${line}`;
      }
    }
    const clean = (b: SeedBullet): SeedBullet => ({ ...b, text: norm(b.text), subs: b.subs.map(norm) });
    return { number, facts: out.facts.map(clean), goals: out.goals.map(clean), measures: out.measures.map(clean) };
  });
}

const seedSections = extractSeedSections(seedText);

/** Every target of the plan with where it sits. */
interface LocatedTarget {
  area: number;
  on: "area" | "goal" | "measure";
  ownerKey: string;
  target: TargetSpec;
}
function allTargets(doc: PlanDocument): LocatedTarget[] {
  return doc.focusAreas.flatMap((a) => [
    ...a.targets.map((target) => ({ area: a.number, on: "area" as const, ownerKey: a.key, target })),
    ...a.goals.flatMap((g) => g.targets.map((target) => ({ area: a.number, on: "goal" as const, ownerKey: g.key, target }))),
    ...a.measures.flatMap((m) => m.targets.map((target) => ({ area: a.number, on: "measure" as const, ownerKey: m.key, target }))),
  ]);
}

// ─── Tests ────────────────────────────────────────────────────────────────────────────────────

describe("the bundled Bærum 2015 plan", () => {
  it("parses with parsePlanDocument and has 7 focus areas numbered 1..7", () => {
    const result = parsePlanDocument(bundledText);
    expect(result.ok, result.ok ? "" : describeIssues(result.issues)).toBe(true);
    expect(plan.key).toBe("baerum-2015");
    expect(plan.municipality).toEqual({ code: "3201", name: "Bærum", formerCodes: ["0219", "3024"] });
    expect(plan.status).toBe("adopted");
    expect(plan.period).toEqual({ start: "2015-01-01", end: "2018-12-31" });
    expect(plan.focusAreas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.mainGoal.dimensions.map((d) => d.key)).toEqual(["mangfoldig", "fremtidsrettet", "samfunnsaktivt"]);
    expect(plan.roles).toHaveLength(3);
  });

  it("finds the seven Satsingsområde sections and their bullets in the seed text", () => {
    expect(seedSections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const s of seedSections) {
      expect(s.facts.length, `facts in area ${s.number}`).toBeGreaterThan(0);
      expect(s.goals.length, `goals in area ${s.number}`).toBeGreaterThan(0);
      expect(s.measures.length, `measures in area ${s.number}`).toBeGreaterThan(0);
    }
    // Page furniture between area 4's Tiltak and area 5 must not leak into a measure.
    for (const s of seedSections) for (const m of s.measures) expect(m.text).not.toMatch(/Side \d+/);
  });

  it.each(seedSections.map((s) => [s.number, s] as const))(
    "holds every Mål bullet of Satsingsområde %i as a goal of that area, and no others",
    (n, section) => {
      const goals = area(n).goals.map((g) => norm(g.text));
      expect(goals).toHaveLength(section.goals.length);
      for (const bullet of section.goals) {
        if (bullet.subs.length === 0) {
          expect(goals).toContain(bullet.text);
        } else {
          // A lead line with sub-points (area 7) is one goal: the lead followed by the sub-points.
          const combined = goals.find((g) => g.startsWith(bullet.text));
          expect(combined, `goal starting with "${bullet.text}"`).toBeDefined();
          for (const sub of bullet.subs) expect(combined).toContain(sub);
        }
      }
    },
  );

  it.each(seedSections.map((s) => [s.number, s] as const))(
    "holds every Tiltak bullet of Satsingsområde %i as a measure of that area, and no others",
    (n, section) => {
      const measures = area(n).measures.map((m) => norm(m.text));
      expect(measures).toHaveLength(section.measures.length);
      for (const bullet of section.measures) expect(measures).toContain(bullet.text);
    },
  );

  it.each(seedSections.map((s) => [s.number, s] as const))(
    "holds every Fakta bullet of Satsingsområde %i as a fact of that area, under its sub-heading",
    (n, section) => {
      const facts = area(n).facts;
      expect(facts).toHaveLength(section.facts.length);
      for (const bullet of section.facts) {
        const fact = facts.find((f) => norm(f.text) === bullet.text);
        expect(fact, `fact "${bullet.text}"`).toBeDefined();
        expect(fact?.group, `group of "${bullet.text}"`).toBe(bullet.group);
      }
    },
  );

  it("quotes the seed's own words in the main goal, dimensions, roles, introduction, findings and target texts", () => {
    const seed = norm(seedText);
    const quoted = [
      plan.mainGoal.text,
      ...plan.mainGoal.dimensions.map((d) => d.text),
      ...plan.roles.map((r) => r.text),
      ...(plan.introduction ?? "").split(/\n\s*\n/),
      ...plan.analyses.flatMap((a) => a.findings.map((f) => f.text)),
      ...allTargets(plan).map((t) => t.target.text),
    ];
    for (const text of quoted) expect(seed, text).toContain(norm(text));
  });

  it("gives every measure the plan period, no owner, status planned and the due date its text states", () => {
    for (const a of plan.focusAreas) {
      for (const m of a.measures) {
        expect(m.period).toEqual({ start: "2015-01-01", end: "2018-12-31" });
        expect(m.owner).toBeNull();
        expect(m.status).toBe("planned");
        expect(m.progress).toBe(0);
        const innen = /innen (\d{4})/.exec(m.text);
        expect(m.dueDate, m.key).toBe(innen ? `${innen[1]}-12-31` : null);
      }
    }
  });

  it("marks every figure placement as approximate and explains it", () => {
    for (const a of plan.focusAreas) {
      expect(a.figure?.approximate, a.key).toBe(true);
      expect(a.figure?.note).toMatch(/label order/);
    }
  });

  it("defines the indicator of every target, fact and finding, and uses each target key once", () => {
    const indicatorKeys = new Set(plan.indicators.map((i) => i.key));
    const targets = allTargets(plan);
    for (const { target, on } of targets) {
      if (target.indicator === undefined) {
        expect(target.type, target.key).toBe("milestone");
        expect(on, target.key).toBe("measure");
      } else {
        expect(indicatorKeys.has(target.indicator), `${target.key} → ${target.indicator}`).toBe(true);
      }
    }
    const keys = targets.map((t) => t.target.key);
    expect(new Set(keys).size).toBe(keys.length);
    const factIndicators = [
      ...plan.focusAreas.flatMap((a) => a.facts.flatMap((f) => f.indicators)),
      ...plan.analyses.flatMap((a) => a.findings.flatMap((f) => f.indicators)),
    ];
    for (const k of factIndicators) expect(indicatorKeys.has(k), k).toBe(true);
  });

  type TargetRow = {
    seed: string;
    area: number;
    on: LocatedTarget["on"];
    indicator: string | undefined;
    expected: Record<string, unknown>;
    indicatorShape?: Record<string, unknown>;
  };
  const TARGET_ROWS: TargetRow[] = [
    {
      seed: "Gjennomføre minst 15 bedriftsbesøk hvert år",
      area: 1,
      on: "measure",
      indicator: "company-visits",
      expected: { type: "at_least", value: 15, per: "year" },
      indicatorShape: {
        unit: "visits",
        aggregation: "sum",
        sourceKind: "activity",
        preferredTrend: "up",
        format: "integer",
        updateFrequency: "continuous",
      },
    },
    {
      seed: "Gi tilbud om minst ett kontaktmøte per år med de ti største bedriftene",
      area: 2,
      on: "measure",
      indicator: "top10-contact-offers",
      expected: { type: "at_least", value: 10, per: "year" },
      indicatorShape: { unit: "companies", aggregation: "last", sourceKind: "activity" },
    },
    {
      seed: "gjennomsnittlig behandlingstid for byggesaker for næringsbygg skal ikke overstige 8 uker",
      area: 2,
      on: "measure",
      indicator: "building-case-processing-weeks",
      expected: { type: "at_most", value: 8, per: "year" },
      indicatorShape: { unit: "weeks", aggregation: "mean", preferredTrend: "down", sourceKind: "activity" },
    },
    {
      seed: "blant de øverste tre kommuner på NHOs kommune NM",
      area: 2,
      on: "goal",
      indicator: "nho-kommune-nm-rank",
      expected: { type: "rank_at_most", value: 3, per: "year" },
      indicatorShape: {
        unit: "rank",
        format: "rank",
        aggregation: "last",
        preferredTrend: "down",
        sourceKind: "statistics",
      },
    },
    {
      seed: "Ha etablert 6-10 innkjøp/anbudskonkurranser der leverandører aktivt kan bidra med nye og innovative leveranser",
      area: 2,
      on: "measure",
      indicator: "innovative-procurements",
      expected: { type: "between", min: 6, max: 10, per: "plan_period" },
      indicatorShape: { unit: "count", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "Etablere bysykkel-ordning på Fornebu – Lysaker innen 2016",
      area: 2,
      on: "measure",
      indicator: undefined,
      expected: { type: "milestone", due: "2016-12-31" },
    },
    {
      seed: "Ha etablert minst ett nytt FutureBuilt – prosjekt i kommunen innen 2017",
      area: 2,
      on: "measure",
      indicator: "futurebuilt-projects",
      expected: { type: "milestone", due: "2017-12-31", threshold: 1 },
      indicatorShape: { unit: "count", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "1000 flere arbeidsplasser per år",
      area: 2,
      on: "area",
      indicator: "jobs-net-change",
      expected: { type: "at_least", value: 1000, per: "year" },
      indicatorShape: { aggregation: "sum", sourceKind: "statistics" },
    },
    {
      seed: "ca. 25.000 nye kvm for næringsutvikling hvert år",
      area: 2,
      on: "area",
      indicator: "commercial-floor-space-new-m2",
      expected: { type: "at_least", value: 25000, per: "year", approximate: true },
      indicatorShape: { unit: "m2", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "Etablere minst 250 praksisplasser i for LIA",
      area: 4,
      on: "measure",
      indicator: "lia-placements",
      expected: { type: "at_least", value: 250, per: "school_year" },
      indicatorShape: { unit: "placements", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "Gjennomføre minst to prosjekter med velferdsteknologi innen rammen av «Kom-Nær»",
      area: 4,
      on: "measure",
      indicator: "welfare-tech-projects",
      expected: { type: "at_least", value: 2, per: "plan_period" },
      indicatorShape: { unit: "count", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "øker omsetningen hos næringslivsaktørene der med minst 5% pr år",
      area: 5,
      on: "goal",
      indicator: "sandvika-ost-turnover",
      expected: { type: "growth_rate", rate: 0.05, per: "year" },
      indicatorShape: { unit: "nok_million", aggregation: "last", sourceKind: "statistics", values: [] },
    },
    {
      seed: "Opprettholde verdiskapingen i landbruks- og skogbruksnæringene på dagens nivå",
      area: 5,
      on: "goal",
      indicator: "agriculture-value-added",
      expected: { type: "hold_level", baselinePeriod: "2014", tolerance: 0.05, approximate: true },
      indicatorShape: { unit: "nok_million", sourceKind: "statistics", values: [] },
    },
    {
      seed: "Øke gjennomsnittlig avvirkning pr år i kommunens skoger",
      area: 5,
      on: "measure",
      indicator: "forest-harvest-m3",
      expected: { type: "rising_trend", per: "year" },
    },
    {
      seed: "200.000 - 250.000 netto nye kvm",
      area: 6,
      on: "area",
      indicator: "commercial-floor-space-new-m2",
      expected: {
        type: "between",
        min: 200000,
        max: 250000,
        per: "plan_period",
        range: { start: "2015-01-01", end: "2029-12-31" },
        approximate: true,
      },
    },
    {
      seed: "Måltall for boligbyggingen er satt til 600 boliger pr. år eller 9000 boliger frem til 2030",
      area: 6,
      on: "area",
      indicator: "housing-completions",
      expected: { type: "at_least", value: 600, per: "year" },
      indicatorShape: { unit: "dwellings", aggregation: "sum", sourceKind: "statistics" },
    },
    {
      seed: "Full og tilfredsstillende mobildekning i kommunen innen 2017",
      area: 7,
      on: "measure",
      indicator: "mobile-coverage-percent",
      expected: { type: "milestone", due: "2017-12-31", threshold: 100, approximate: true },
      indicatorShape: { unit: "percent", aggregation: "last" },
    },
    {
      seed: "Fornebubanen i drift innen 2021",
      area: 7,
      on: "measure",
      indicator: undefined,
      expected: { type: "milestone", due: "2021-12-31" },
    },
    {
      seed: "Etablerere minst en sykkel-«pool» / el-sykkel-«pool»",
      area: 7,
      on: "measure",
      indicator: "bike-pools",
      expected: { type: "at_least", value: 1, per: "plan_period" },
      indicatorShape: { unit: "count", aggregation: "sum", sourceKind: "activity" },
    },
    {
      seed: "Få flere kunnskapsintensive bedrifter til å etablere seg og vokse i Bærum",
      area: 1,
      on: "goal",
      indicator: "knowledge-intensive-firms",
      expected: { type: "rising_trend", per: "year", baselinePeriod: "2014" },
      indicatorShape: { unit: "count", aggregation: "last", sourceKind: "register" },
    },
    {
      seed: "Øke bruken av virkemiddelapparatets tilskudds- og låneordninger",
      area: 4,
      on: "goal",
      indicator: "skattefunn-firms",
      expected: { type: "rising_trend", per: "year" },
      indicatorShape: { unit: "count", aggregation: "last", sourceKind: "statistics" },
    },
  ];

  it.each(TARGET_ROWS.map((row) => [row.seed, row] as const))('types the seed target "%s" as agreed', (_seed, row) => {
    const matches = allTargets(plan).filter((t) => norm(t.target.text).includes(norm(row.seed)) && t.target.indicator === row.indicator);
    expect(matches, `targets matching "${row.seed}" on ${row.indicator ?? "(no indicator)"}`).toHaveLength(1);
    const [found] = matches;
    expect(found?.area).toBe(row.area);
    expect(found?.on).toBe(row.on);
    expect(found?.target).toMatchObject(row.expected);
    if (row.indicatorShape) {
      const indicator = plan.indicators.find((i) => i.key === row.indicator);
      expect(indicator).toMatchObject(row.indicatorShape);
    }
  });

  it("states NHO Kommune-NM second places for the six years before the plan as approximate periods", () => {
    const nho = plan.indicators.find((i) => i.key === "nho-kommune-nm-rank");
    expect(nho?.values.map((v) => [v.period, v.value])).toEqual(["2009", "2010", "2011", "2012", "2013", "2014"].map((p) => [p, 2]));
    for (const v of nho?.values ?? []) {
      expect(v.periodApproximate).toBe(true);
      expect(v.source).toBe("NHO Kommune-NM");
      expect(v.note).toBeTruthy();
    }
  });

  it.each([
    ["firms-over-250-employees", 41],
    ["firms-over-100-employees", 94],
    ["knowledge-intensive-jobs", 48000],
    ["knowledge-intensive-jobs-share", 66],
    ["knowledge-intensive-firms-share", 36],
    ["private-sector-jobs-share", 79],
    ["new-firms-per-1000", 12.6],
    ["one-year-survival-share", 48],
    ["value-added", 85000],
    ["turnover", 285000],
    ["entrepreneurs-guided", 350],
    ["rd-firms-share-asker-baerum", 21],
    ["skattefunn-firms", 100],
  ] as const)("records the seed's number for %s (%d)", (key, value) => {
    const indicator = plan.indicators.find((i) => i.key === key);
    expect(indicator, key).toBeDefined();
    expect(indicator?.values.map((v) => v.value)).toContain(value);
    for (const v of indicator?.values ?? []) {
      expect(v.source.length).toBeGreaterThan(0);
      if (v.periodApproximate) expect(v.note, `${key} ${v.period}`).toBeTruthy();
    }
  });

  it("references an indicator from every fact whose text states a number", () => {
    const facts = plan.focusAreas.flatMap((a) => a.facts);
    for (const f of facts) {
      // Ordinals ("2. plass", "1. el. 2. gen."), years, age groups ("80 +") and road names
      // ("E18") are not values.
      const stripped = f.text.replace(/\b(19|20)\d{2}\b|\d+\.\s*(plass|el\.|gen\.)|\d+\s*\+|\bE\d+\b/g, "");
      const hasNumber = /\d/.test(stripped);
      if (hasNumber) expect(f.indicators.length, f.text).toBeGreaterThan(0);
    }
  });
});

describe("the synthetic Asker mini fixture", () => {
  it("parses and holds at_least, at_most, milestone and rising_trend targets", () => {
    const asker = parseOrFail(askerText);
    expect(asker.municipality).toEqual({ code: "3203", name: "Asker", formerCodes: ["0220", "3025"] });
    expect(asker.status).toBe("draft");
    expect(asker.focusAreas).toHaveLength(2);
    expect(asker.indicators).toHaveLength(3);
    const types = new Set(allTargets(asker).map((t) => t.target.type));
    for (const type of ["at_least", "at_most", "milestone", "rising_trend"] as const) expect(types).toContain(type);
  });
});

describe("a malformed copy of the bundled plan", () => {
  const visits = allTargets(plan).find((t) => t.target.key === "a1-company-visits-per-year");
  const areaIndex = plan.focusAreas.findIndex((a) => a.number === visits?.area);
  const measureIndex = plan.focusAreas[areaIndex]?.measures.findIndex((m) => m.key === visits?.ownerKey) ?? -1;
  const targetPath = ["focusAreas", areaIndex, "measures", measureIndex, "targets", 0];

  /** Replaces the first `from` after the visits target's key and returns the text and its 1-based line. */
  function corrupt(from: string, to: string): { text: string; line: number } {
    const anchor = bundledText.indexOf("key: a1-company-visits-per-year");
    const at = bundledText.indexOf(from, anchor);
    expect(anchor).toBeGreaterThan(-1);
    expect(at).toBeGreaterThan(anchor);
    const text = bundledText.slice(0, at) + to + bundledText.slice(at + from.length);
    return { text, line: text.slice(0, at).split("\n").length };
  }

  it("reports a non-numeric target value at its line and path", () => {
    expect(visits).toBeDefined();
    const { text, line } = corrupt("value: 15\n", "value: femten\n");
    expect(text.split("\n")[line - 1]?.trim()).toBe("value: femten");
    const result = parsePlanDocument(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path.at(-1) === "value");
    expect(issue, describeIssues(result.issues)).toBeDefined();
    expect(issue?.path).toEqual([...targetPath, "value"]);
    expect(issue?.line).toBe(line);
  });

  it("reports a reference to an unknown indicator at its line and path", () => {
    const { text, line } = corrupt("indicator: company-visits\n", "indicator: no-such-indicator\n");
    const result = parsePlanDocument(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.message.includes("no-such-indicator"));
    expect(issue, describeIssues(result.issues)).toBeDefined();
    expect(issue?.path).toEqual([...targetPath, "indicator"]);
    expect(issue?.line).toBe(line);
  });
});
