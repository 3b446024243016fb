// Code metrics the architecture issue tracks: `as` type assertions (not `as const`) and functions
// over 60 lines, in non-test files under core/, server/ and web/. `node scripts/code-metrics.mjs [--list]`.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const roots = ["core", "server", "web"];
const list = process.argv.includes("--list");
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "generated") walk(p);
    } else if (/\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name)) files.push(p);
  }
};
for (const r of roots) if (fs.existsSync(r)) walk(r);

let casts = 0;
const longFunctions = [];
const perFile = new Map();
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const t = node.type;
      const isConst = ts.isTypeReferenceNode(t) && t.typeName.getText(sf) === "const";
      if (!isConst) {
        casts++;
        perFile.set(file, (perFile.get(file) ?? 0) + 1);
      }
    }
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > 60) longFunctions.push(`${file}:${start + 1} (${end - start + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
console.log(`as-expressions (not 'as const'): ${casts}`);
console.log(`functions over 60 lines: ${longFunctions.length}`);
if (list) {
  for (const [f, n] of [...perFile].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${f}`);
  for (const f of longFunctions) console.log(`  long: ${f}`);
}
