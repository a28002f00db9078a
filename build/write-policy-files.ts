/** `npm run policy:write`: rewrites the files derived from the settings table (see policy-files.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEPLOYING_DOC_PATH, POLICY_SCHEMA_PATH, policySchemaText, withPolicyKeyTable } from './policy-files.js';

writeFileSync(POLICY_SCHEMA_PATH, policySchemaText());
writeFileSync(DEPLOYING_DOC_PATH, withPolicyKeyTable(readFileSync(DEPLOYING_DOC_PATH, 'utf8')));
console.log(`Wrote ${POLICY_SCHEMA_PATH} and the key list in ${DEPLOYING_DOC_PATH}.`);
