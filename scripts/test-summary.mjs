// Adds up the JSON reports of vitest and Playwright into the one closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');
let passed = 0;
let failed = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  console.log('vitest: no report (did not run)');
  failed += 1;
}
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  console.log(`playwright: ${playwright.stats.expected} passed, ${playwright.stats.unexpected + playwright.stats.flaky} failed`);
} else {
  console.log('playwright: no report (did not run)');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
