// Prints the mutation score of each rule module from Stryker's JSON report (reports/mutation/mutation.json), the
// mutants marked equivalent in the source (with the reason given), and exits 1 when a module is under 80%.
import { readFileSync } from 'node:fs';

const TARGET = 80;
const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const moduleOf = (file) => {
  const parts = file.replace(/^.*?src\//, '').split('/');
  return parts[0] === 'status' || parts[0] === 'reports' ? `${parts[0]}/` : parts.join('/');
};
const modules = new Map();
const equivalent = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  const name = moduleOf(file);
  const m = modules.get(name) ?? { killed: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0, static: 0, files: new Set() };
  m.files.add(file.replace(/^.*?src\//, 'src/'));
  for (const mutant of mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') m.killed++;
    else if (mutant.status === 'Survived') m.survived++;
    else if (mutant.status === 'NoCoverage') m.noCoverage++;
    else if (mutant.status === 'Ignored' && /static/i.test(mutant.statusReason ?? '')) m.static++;
    else if (mutant.status === 'Ignored') {
      m.ignored++;
      equivalent.push(`${file.replace(/^.*?src\//, 'src/')}:${mutant.location.start.line} ${mutant.mutatorName}: ${mutant.statusReason ?? ''}`);
    } else m.errors++;
  }
  modules.set(name, m);
}
let failed = false;
console.log('\nmutation score per module (killed ÷ (killed + survived + not covered); equivalent mutants marked in the source are left out)');
for (const [name, m] of [...modules].sort()) {
  const total = m.killed + m.survived + m.noCoverage;
  const score = total ? (100 * m.killed) / total : 100;
  if (score < TARGET) failed = true;
  console.log(
    `${score >= TARGET ? 'ok  ' : 'LOW '} ${name.padEnd(34)} ${score.toFixed(1).padStart(5)}%  killed ${m.killed}, survived ${m.survived}, not covered ${m.noCoverage}, equivalent ${m.ignored}, errors ${m.errors}${m.static ? `, static not run ${m.static} (--ignoreStatic)` : ''}`,
  );
}
if (equivalent.length) {
  console.log(`\nequivalent mutants (${equivalent.length}), as judged in the source:`);
  for (const line of equivalent) console.log(`  ${line}`);
}
process.exit(failed ? 1 : 0);
