// Runs every case of tests/media/cases.json through validateMedia on a File, in
// Node and in a browser page alike; returns the mismatches.
export async function checkCorpus(sdk, cases, readFile) {
  const mismatches = [];
  let checked = 0;
  for (const c of cases.cases) {
    const bytes = await readFile(c.file);
    if (!bytes) {
      if (!cases.optional.includes(c.file)) mismatches.push(`${c.file}: missing from the corpus`);
      continue;
    }
    const type = cases.browserTypes[c.file.split(".").pop()] ?? "";
    const report = await sdk.validateMedia(new File([bytes], c.file, { type }), { as: c.as });
    const got = summary(report);
    const want = { mime: c.mime, messageType: c.messageType, ok: c.ok, issues: c.issues };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches.push(`${c.file} (as ${c.as}): got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    checked += 1;
  }
  return { checked, mismatches };
}

/** The parts of a report a case pins down; issues as "!code" (error) or "?code" (warning). */
export function summary(report) {
  const issues = report.issues.map((i) => (i.severity === "error" ? "!" : "?") + i.code);
  return { mime: report.mimeType, messageType: report.messageType, ok: report.ok, issues };
}
