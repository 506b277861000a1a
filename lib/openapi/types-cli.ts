// `npm run openapi:types`: regenerate lib/openapi/api-types.d.ts from the API's OpenAPI document.
import { writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "./document";
import { API_TYPES_FILE, generateApiTypes } from "./generate-types";

const source = await generateApiTypes(buildOpenApiDocument());
writeFileSync(API_TYPES_FILE, source);
console.log(`wrote ${API_TYPES_FILE}`);
