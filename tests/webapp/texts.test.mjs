// The page's texts: the same ids with the same variables in English and German, every id the
// page asks for among them, and webapp::TEXTS (what the server hands out) naming exactly these.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";

const root = new URL("../../", import.meta.url);
const read = (path) => fs.readFileSync(new URL(path, root), "utf8");

// id → sorted variable names, from a .ftl of single-line messages.
function ftl(lang) {
  const ids = new Map();
  for (const line of read(`messages/${lang}/webapp.ftl`).split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const m = line.match(/^(app-[a-z-]+) = (.+)$/);
    assert.ok(m, `messages/${lang}/webapp.ftl: not a one-line app- message: ${line}`);
    ids.set(m[1], [...m[2].matchAll(/\{ \$(\w+) \}/g)].map((v) => v[1]).sort());
  }
  return ids;
}

test("English and German have the same ids and variables", () => {
  const en = ftl("en");
  const de = ftl("de");
  assert.deepEqual([...de.keys()].sort(), [...en.keys()].sort());
  for (const [id, vars] of en) assert.deepEqual(de.get(id), vars, id);
});

test("webapp::TEXTS names every id with its variables", () => {
  const source = read("src/webapp.rs");
  const block = source.slice(source.indexOf("pub const TEXTS"), source.indexOf("];", source.indexOf("pub const TEXTS")));
  const texts = new Map(
    [...block.matchAll(/\("(app-[a-z-]+)", &\[([^\]]*)\]\)/g)].map((m) => [
      m[1],
      [...m[2].matchAll(/"(\w+)"/g)].map((v) => v[1]).sort(),
    ]),
  );
  const en = ftl("en");
  assert.deepEqual([...texts.keys()].sort(), [...en.keys()].sort());
  for (const [id, vars] of en) assert.deepEqual(texts.get(id), vars, id);
});

test("every id the page asks for exists", () => {
  const en = ftl("en");
  const app = read("src/webapp/app.js");
  const used = new Set([...app.matchAll(/"(app-[a-z-]+)"/g)].map((m) => m[1]));
  for (const test of ["seated", "prone-internal", "prone-external"]) {
    used.add(`app-test-${test}`);
    used.add(`app-setup-${test}`);
  }
  used.add("app-side-left");
  used.add("app-side-right");
  for (const id of used) assert.ok(en.has(id), `${id} is not in messages/en/webapp.ftl`);
  for (const id of en.keys()) assert.ok(used.has(id), `${id} is never shown`);
});
