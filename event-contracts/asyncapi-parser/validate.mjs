// Runs the official AsyncAPI parser (@asyncapi/parser 3) over the documents given, by hand; not part of the Maven
// suite (it needs Node.js and the npm registry). See event-contracts/README.md "AsyncAPI documents".
//   cd event-contracts/asyncapi-parser && npm install --no-save @asyncapi/parser@3.6.6
//   node validate.mjs ../src/main/resources/contracts/asyncapi/*.asyncapi.yaml
import { Parser, fromFile } from '@asyncapi/parser';
import path from 'node:path';

const parser = new Parser();
const severities = ['error', 'warning', 'info', 'hint'];
let refused = 0;
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, path.resolve(file)).parse();
  const errors = diagnostics.filter(d => d.severity === 0).length;
  const warnings = diagnostics.filter(d => d.severity === 1).length;
  console.log(`${path.basename(file)}: ${document ? 'parsed' : 'REFUSED'}, ${errors} errors, ${warnings} warnings`);
  for (const d of diagnostics) {
    console.log(`  [${severities[d.severity]}] ${d.code} ${d.path.join('/')}: ${d.message}`);
  }
  if (!document || errors) {
    refused++;
  }
}
process.exit(refused ? 1 : 0);
