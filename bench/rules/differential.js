// Random differential test against json-logic-js (run by bench/rules/differential): writes 20,000 random
// rules with data to OUT/in.jsonl and json-logic-js's results to OUT/expected.txt (SEED env var).
const jl = require('json-logic-js'); console.log = () => {};
let seed = Number(process.env.SEED || 12345); const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = a => a[Math.floor(rnd() * a.length)];
const scalars = [0, 1, -1, 2.5, "", "0", "1", "a", "abc", " 3 ", "10", true, false, null, [], [0], [1, 2], ["a"], {}, 1e21, 0.1, -0.5, "x.y", "1e3", "12abc"];
const ops = ["==", "===", "!=", "!==", "!", "!!", "or", "and", ">", ">=", "<", "<=", "max", "min", "+", "-", "*", "/", "%", "in", "cat", "substr", "merge", "if", "var", "missing", "missing_some", "map", "filter", "reduce", "all", "none", "some"];
function gen(d) {
  if (d > 3 || rnd() < 0.3) return rnd() < 0.3 ? { var: pick(["a", "b", "c", "a.b", "arr.0", "arr", "s", "s.length", "n", ""]) } : pick(scalars);
  const op = pick(ops); const n = Math.floor(rnd() * 4);
  if (["map", "filter", "all", "none", "some"].includes(op)) return { [op]: [pick([{ var: "arr" }, [1, 2, 3], { var: "s" }]), gen(d + 1)] };
  if (op === "reduce") return { reduce: [pick([{ var: "arr" }, [1, 2, 3]]), { "+": [{ var: "current" }, { var: "accumulator" }] }, pick([0, "1", null])] };
  if (op === "missing_some") return { missing_some: [pick([0, 1, 2]), pick([["a", "b"], ["a", "z"], "a"])] };
  if (op === "*" && n === 0) return { "*": [gen(d + 1)] };
  const args = []; for (let i = 0; i < n; i++) args.push(gen(d + 1));
  return { [op]: rnd() < 0.2 && n === 1 ? args[0] : args };
}
const datas = [{}, { a: 1, b: "2", c: null, arr: [1, 2, 3], s: "hello", n: 0 }, { a: { b: "x" }, arr: ["a", "b"], s: "", n: "5" }, { a: [], b: true, c: "", arr: [] }];
const lines = []; const expected = [];
for (let i = 0; i < 20000; i++) {
  const rule = gen(0); const data = pick(datas);
  let out; try { const r = jl.apply(rule, data); out = r === undefined ? "null" : JSON.stringify(r); } catch (e) { continue; }
  lines.push(JSON.stringify({ rule, data })); expected.push(out);
}
require('fs').writeFileSync(process.env.OUT + '/in.jsonl', lines.join('\n') + '\n');
require('fs').writeFileSync(process.env.OUT + '/expected.txt', expected.join('\n') + '\n');
