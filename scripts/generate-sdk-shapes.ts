// Regenerates src/tenant/sdk-request-shapes.json from the installed `auth0` package's request
// types. Run it after updating the SDK: `npm run sdk-shapes`; the test in
// src/tenant/sdk-request-shapes.test.ts fails until the file matches the installed SDK.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sdkShapesFileText } from '../src/tenant/read-sdk-request-types.ts';

const target = fileURLToPath(new URL('../src/tenant/sdk-request-shapes.json', import.meta.url));
writeFileSync(target, sdkShapesFileText());
console.log(`wrote ${target}`);
