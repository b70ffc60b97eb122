/**
 * `npm run bench:report`: a database of 500 000 requests in ten agencies, one of which received
 * 50 000 in 2024, and the time to compute that agency's 2024 report (median of 15 runs), plus
 * the report of the parent summed over all ten. A measurement, not a test.
 */
import { performance } from "node:perf_hooks";
import { buildReportDatabase, pointAtTemporaryDatabase } from "./bench-data";

pointAtTemporaryDatabase();

async function main() {
  const { CLI_ACTOR } = await import("../lib/auth/actor");
  const { computeReport } = await import("../lib/reports/engine");
  const t0 = performance.now();
  await buildReportDatabase();
  console.log(`built 500000 requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [name, input] of [
    ["one agency, 2024 (50 000 received that year)", { agencyCode: "target", year: 2024 }],
    ["parent over ten agencies, 2024", { agencyCode: "county", year: 2024, includeChildren: true }],
  ] as const) {
    const times: number[] = [];
    let newTotal = 0;
    for (let run = 0; run < 15; run++) {
      const start = performance.now();
      newTotal = computeReport(CLI_ACTOR, input).applications.rows.new[6];
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(48)} median ${times[7].toFixed(1)} ms  max ${times[14].toFixed(1)} ms  (new = ${newTotal})`);
  }
}

main();
