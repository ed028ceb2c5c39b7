// `npm run import:eval [-- --verbose]`: per-field accuracy of the import pipeline on the annotated
// corpus (lib/import/corpus/); --verbose names each file's wrong fields and wrong splits.
import { evaluateCorpus } from "@/lib/import/eval";

const verbose = process.argv.includes("--verbose");
const report = evaluateCorpus();
console.log(`${report.files.length} files`);
for (const [field, { right, of, share }] of Object.entries(report.accuracy)) {
  console.log(`${field.padEnd(14)} ${(share * 100).toFixed(1).padStart(5)}%  (${right}/${of})`);
}
if (verbose) {
  for (const file of report.files) {
    const wrong = Object.entries(file.fields)
      .filter(([, right]) => !right)
      .map(([field]) => field);
    const missed = file.gluedExpected - file.gluedRepaired;
    if (wrong.length === 0 && missed === 0 && file.wronglySplit.length === 0) continue;
    console.log(
      `${file.name}: ${[...wrong, ...(missed ? [`glued ${missed} missed`] : []), ...file.wronglySplit.map((split) => `split ${split}`)].join(", ")}`,
    );
  }
}
