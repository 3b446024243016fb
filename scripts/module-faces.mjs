#!/usr/bin/env node
// Module faces: every server file outside a module imports server/modules/<name>/ only through
// that module's index.ts (the rule `module-face` in .dependency-cruiser.cjs enforces it).
//
//   node scripts/module-faces.mjs            lists each deep import: file:line, the target, the names
//   node scripts/module-faces.mjs --cycles   also lists the modules that import each other in a cycle
//   node scripts/module-faces.mjs --write    rewrites each deep import to the module's index.js (one
//                                            import line stays one import line) and adds the names it
//                                            imports to that index.ts (export { … } from "./file.js");
//                                            then run `npx biome check --write` on the files it names
//
// Tests (*.test.ts) are exempt and left alone. Namespace, default, side-effect and dynamic imports
// cannot be rewritten mechanically: they are listed as "by hand".
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = process.cwd();
const MODULES = "server/modules";
const args = new Set(process.argv.slice(2));
const write = args.has("--write");

const isTest = (f) => /\.test\.tsx?$/.test(f);
const rel = (f) => path.relative(ROOT, f).split(path.sep).join("/");

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "migrations") walk(p, out);
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** "server/modules/<name>/<rest>" → { name, rest }, else null. */
function moduleOf(file) {
  const m = /^server\/modules\/([^/]+)\/(.+)$/.exec(rel(file));
  return m ? { name: m[1], rest: m[2] } : null;
}

/** A relative specifier as the .ts file it names. */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"), base, `${base}.ts`, path.join(base, "index.ts")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** The imports of a file: { node, spec, target, line, kind, names: [{ name, type }] }. */
function importsOf(file) {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const add = (node, specNode, kind, names) => {
    const target = resolveSpecifier(file, specNode.text);
    if (!target) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ node, specNode, spec: specNode.text, target, line, kind, names });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (!clause) add(node, node.moduleSpecifier, "side-effect", []);
      else if (clause.name || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)))
        add(node, node.moduleSpecifier, "namespace-or-default", []);
      else {
        const names = (clause.namedBindings?.elements ?? []).map((e) => ({
          name: (e.propertyName ?? e.name).text,
          type: clause.isTypeOnly || e.isTypeOnly,
        }));
        add(node, node.moduleSpecifier, "named", names);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.exportClause || !ts.isNamedExports(node.exportClause)) add(node, node.moduleSpecifier, "namespace-or-default", []);
      else
        add(
          node,
          node.moduleSpecifier,
          "named",
          node.exportClause.elements.map((e) => ({ name: (e.propertyName ?? e.name).text, type: node.isTypeOnly || e.isTypeOnly })),
        );
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node, node.arguments[0], "dynamic", []);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { text, imports: out };
}

const files = walk(path.join(ROOT, "server")).filter((f) => !isTest(f));
const deep = [];
const edges = new Map();
for (const file of files) {
  const from = moduleOf(file);
  const { imports } = importsOf(file);
  for (const imp of imports) {
    const to = moduleOf(imp.target);
    if (!to || (from && from.name === to.name)) continue;
    if (from) {
      const set = edges.get(from.name) ?? new Set();
      set.add(to.name);
      edges.set(from.name, set);
    }
    if (to.rest !== "index.ts") deep.push({ file, imp, to });
  }
}

for (const d of deep) {
  const names = d.imp.names.map((n) => (n.type ? `type ${n.name}` : n.name)).join(", ");
  const how = d.imp.kind === "named" ? `{ ${names} }` : `(${d.imp.kind}: by hand)`;
  console.log(`${rel(d.file)}:${d.imp.line}  ${MODULES}/${d.to.name}/${d.to.rest}  ${how}`);
}
console.log(`${deep.length} deep import(s) across modules`);

if (args.has("--cycles")) {
  // Tarjan's strongly connected components over the module graph.
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const sccs = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) sccs.push(scc);
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) strong(v);
  for (const scc of sccs) {
    console.log(`cycle between modules: ${scc.sort().join(", ")}`);
    for (const a of scc) for (const b of edges.get(a) ?? []) if (scc.includes(b)) console.log(`  ${a} → ${b}`);
  }
  console.log(`${sccs.length} module cycle(s)`);
}

if (write) {
  const touched = new Set();
  // Names each index must export, per module: name → { file, type }.
  const wanted = new Map();
  const byFile = new Map();
  for (const d of deep) {
    if (d.imp.kind !== "named") continue;
    const want = wanted.get(d.to.name) ?? new Map();
    wanted.set(d.to.name, want);
    for (const n of d.imp.names) {
      const prev = want.get(n.name);
      if (prev && prev.file !== d.to.rest) {
        console.error(`conflict: ${n.name} wanted from ${d.to.name}/${prev.file} and ${d.to.name}/${d.to.rest}`);
        process.exitCode = 1;
        continue;
      }
      want.set(n.name, { file: d.to.rest, type: (prev ? prev.type : true) && n.type });
    }
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  // Rewrite the specifiers, last first so the offsets stay valid.
  for (const [file, list] of byFile) {
    let text = fs.readFileSync(file, "utf8");
    for (const d of list.sort((a, b) => b.imp.specNode.getStart() - a.imp.specNode.getStart())) {
      const indexFile = path.join(ROOT, MODULES, d.to.name, "index.js");
      let spec = path.relative(path.dirname(file), indexFile).split(path.sep).join("/");
      if (!spec.startsWith(".")) spec = `./${spec}`;
      const start = d.imp.specNode.getStart();
      const end = d.imp.specNode.getEnd();
      text = `${text.slice(0, start)}"${spec}"${text.slice(end)}`;
    }
    fs.writeFileSync(file, text);
    touched.add(rel(file));
  }
  // Add what is missing to each index.ts.
  for (const [name, want] of wanted) {
    const indexPath = path.join(ROOT, MODULES, name, "index.ts");
    const exported = new Set();
    let text = "";
    if (fs.existsSync(indexPath)) {
      text = fs.readFileSync(indexPath, "utf8");
      for (const imp of importsOf(indexPath).imports) for (const n of imp.names) exported.add(n.name);
    } else {
      text = `// The public face of the ${name} module: what other modules and server/*.ts may import.\n`;
    }
    const perFile = new Map();
    for (const [n, w] of want) {
      if (exported.has(n)) continue;
      const entry = perFile.get(w.file) ?? { values: [], types: [] };
      (w.type ? entry.types : entry.values).push(n);
      perFile.set(w.file, entry);
    }
    if (perFile.size === 0) continue;
    const lines = [];
    for (const [file, { values, types }] of [...perFile].sort()) {
      const spec = `./${file.replace(/\.tsx?$/, ".js")}`;
      if (values.length) lines.push(`export { ${values.sort().join(", ")} } from "${spec}";`);
      if (types.length) lines.push(`export type { ${types.sort().join(", ")} } from "${spec}";`);
    }
    fs.writeFileSync(indexPath, `${text.replace(/\n*$/, "\n")}${lines.join("\n")}\n`);
    touched.add(rel(indexPath));
  }
  if (touched.size)
    console.log(`\nwritten:\n  ${[...touched].sort().join("\n  ")}\nnow: npx biome check --write ${[...touched].join(" ")}`);
}
