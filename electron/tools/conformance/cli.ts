import { parseArgs } from 'node:util';
import { runConformance } from './checks';

/** `npm run conformance -- --url <centre> --token <station token> [--token2 <another station's>]` */
const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' }, token2: { type: 'string' } } });
if (!values.url || !values.token) {
  console.error('usage: npm run conformance -- --url <centre URL> --token <station token of a test site> [--token2 <token of another station>]');
  process.exit(2);
}
const results = await runConformance({ url: values.url, token: values.token, token2: values.token2 });
for (const result of results) console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${result.name}\n      ${result.detail}`);
const failed = results.filter((result) => !result.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
