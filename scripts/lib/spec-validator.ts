// Validates values against the spec's own schemas (JSON Schema 2020-12, as
// OpenAPI 3.1 uses), for tests that check examples, results and answers.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { loadSpec, type Node } from "./spec.ts";

/** Validators over one parsed spec; each schema is compiled once. */
export function specValidator(spec: Node = loadSpec()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  // The spec's formats (date-time) are checked too, as Prism checks them.
  addFormats.default(ajv);
  ajv.addSchema({ ...spec, $id: "spec" });
  const cache = new Map<string, ValidateFunction>();
  const compiled = (key: string, schema: () => object | boolean) => {
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(schema());
      cache.set(key, validate);
    }
    return validate;
  };
  return {
    /** The validator of the schema at a JSON Pointer into the spec, e.g. `/components/schemas/Service`. */
    at: (pointer: string) => compiled(pointer, () => ({ $ref: `spec#${pointer}` })),
    /** The validator of a schema taken out of the spec, its local `#/...` references still pointing into the spec. */
    of: (schema: Node) => {
      const text = JSON.stringify(schema);
      return compiled(text, () => JSON.parse(text.replaceAll('"$ref":"#/', '"$ref":"spec#/')));
    },
  };
}
