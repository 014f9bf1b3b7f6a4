// Reads JSON lines {id, text, dct} on stdin; writes JSON lines {id, found: [{start, end, text, type, value}]}
// and, last, {seconds} with the time spent parsing. Values follow TimeML: the parts chrono knows for certain.
import * as chrono from "chrono-node";
import readline from "node:readline";

const pad = (n, w = 2) => String(n).padStart(w, "0");

function toTimex(component) {
  const known = (k) => component.isCertain(k);
  const y = component.get("year"), m = component.get("month"), d = component.get("day");
  if (known("hour")) return { type: "TIME", value: `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(component.get("hour"))}:${pad(component.get("minute") ?? 0)}` };
  if (known("day") || known("weekday")) return { type: "DATE", value: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
  if (known("month")) return { type: "DATE", value: `${pad(y, 4)}-${pad(m)}` };
  return { type: "DATE", value: `${pad(y, 4)}` };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let seconds = 0;
for await (const line of rl) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const ref = doc.dct ? new Date(doc.dct + "T12:00:00Z") : new Date();
  const t0 = process.hrtime.bigint();
  const results = chrono.parse(doc.text, { instant: ref, timezone: "UTC" });
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  const found = results.map((r) => ({ start: r.index, end: r.index + r.text.length, text: r.text, ...toTimex(r.start) }));
  process.stdout.write(JSON.stringify({ id: doc.id, found }) + "\n");
}
process.stdout.write(JSON.stringify({ seconds }) + "\n");
