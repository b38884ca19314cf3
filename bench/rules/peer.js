// Peer measurement for bench/rules/peers: node peer.js DIR engine|js — the same matrix in JavaScript.
const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage();
const fs = require('fs'); const dir = process.argv[2]; const which = process.argv[3];
const rules = JSON.parse(fs.readFileSync(dir + '/rules.json')); const firms = JSON.parse(fs.readFileSync(dir + '/firms.json'));
let fns;
if (which === 'engine') { const { LogicEngine } = require('json-logic-engine'); const e = new LogicEngine(); fns = rules.map(r => e.build(r)); }
else { const jl = require('json-logic-js'); fns = rules.map(r => (d) => jl.apply(r, d)); }
const t1 = process.hrtime.bigint(); const c1 = process.cpuUsage();
const truthy = (v) => Array.isArray(v) ? v.length > 0 : !!v;
const counts = new Array(rules.length).fill(0);
for (let r = 0; r < fns.length; r++) { const f = fns[r]; let n = 0; for (let i = 0; i < firms.length; i++) if (truthy(f(firms[i]))) n++; counts[r] = n; }
const t2 = process.hrtime.bigint(); const c2 = process.cpuUsage(c1); const call = process.cpuUsage(c0);
const sha = require('crypto').createHash('sha256').update(counts.join(',')).digest('hex');
console.log(JSON.stringify({which, truthy: counts.reduce((a, b) => a + b, 0), sha, loop_s: Number(t2 - t1) / 1e9, loop_cpu_s: (c2.user + c2.system) / 1e6, process_s: Number(t2 - t0) / 1e9, process_cpu_s: (call.user + call.system) / 1e6}));
