// The console's API types, generated from the committed spec (mobile_api_spec/openapi.yaml).
//   --write  regenerate src/api/schema.d.ts
//   --check  fail when the committed file no longer matches the spec (run by `npm run build`)
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const SPEC = new URL("../../mobile_api_spec/openapi.yaml", import.meta.url);
const TYPES = new URL("../src/api/schema.d.ts", import.meta.url);
const HEADER = "// Generated from mobile_api_spec/openapi.yaml by `npm run api-types`; do not edit.\n";

const generated = HEADER + astToString(await openapiTS(SPEC));
const mode = process.argv[2];
if (mode === "--write") {
  await writeFile(TYPES, generated);
} else if (mode === "--check") {
  const committed = await readFile(TYPES, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error("src/api/schema.d.ts does not match mobile_api_spec/openapi.yaml: run `npm run api-types` and commit it.");
    process.exit(1);
  }
} else {
  console.error("usage: api-types.mjs --write | --check");
  process.exit(2);
}
