import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { type PlanDocument, planDocumentSchema } from "./document.js";
import { checkPlanReferences, type DocumentIssue } from "./references.js";

export interface LocatedIssue extends DocumentIssue {
  /** 1-based line in the source text, when it could be located. */
  line?: number;
}

export type ParsePlanResult = { ok: true; plan: PlanDocument } | { ok: false; issues: LocatedIssue[] };

/**
 * Parses a plan document from YAML or JSON text (JSON is YAML), validates it against the schema
 * and its internal references, and reports every problem with its path and line.
 */
export function parsePlanDocument(text: string): ParsePlanResult {
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (yamlDoc.errors.length > 0) {
    return {
      ok: false,
      issues: yamlDoc.errors.map((e) => ({
        path: [],
        message: e.message.split("\n")[0] ?? e.message,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
      })),
    };
  }
  const locate = (path: (string | number)[]): number | undefined => {
    let node: unknown = yamlDoc.contents;
    let lastOffset: number | undefined;
    for (const seg of path) {
      if (isNode(node)) lastOffset = node.range?.[0];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        if (isNode(pair.key)) lastOffset = pair.key.range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
      } else {
        break;
      }
    }
    if (isNode(node)) lastOffset = node.range?.[0] ?? lastOffset;
    return lastOffset === undefined ? undefined : lineCounter.linePos(lastOffset).line;
  };
  const raw: unknown = yamlDoc.toJS({ maxAliasCount: 100 });
  const parsed = planDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
        return { path, message: i.message, line: locate(path) };
      }),
    };
  }
  const refIssues = checkPlanReferences(parsed.data);
  if (refIssues.length > 0) {
    return { ok: false, issues: refIssues.map((i) => ({ ...i, line: locate(i.path) })) };
  }
  return { ok: true, plan: parsed.data };
}

export function formatIssue(issue: LocatedIssue): string {
  const where = issue.path.length > 0 ? issue.path.join(".") : "(document)";
  return `${issue.line !== undefined ? `line ${issue.line}: ` : ""}${where}: ${issue.message}`;
}
