// Reads a zod 4 schema's input shape (field names and what each expects) so the fuzz cases follow the real
// contract: a new field in lib/validation is fuzzed without anyone editing the suite.
import type { z } from "zod";

export type FieldKind =
  | { type: "string" }
  | { type: "number" }
  | { type: "boolean" }
  | { type: "enum"; values: string[] }
  | { type: "array" }
  | { type: "object" }
  | { type: "unknown" };

export type Field = { name: string; kind: FieldKind; optional: boolean };

// zod 4 keeps a schema's definition on `_zod.def`.
type Internals = {
  def: {
    type: string;
    innerType?: Node;
    in?: Node;
    out?: Node;
    shape?: Record<string, Node>;
    left?: Node;
    right?: Node;
    options?: Node[];
    entries?: Record<string, string>;
    values?: unknown[];
  };
};
type Node = { _zod: Internals };

const OPTIONAL = new Set(["optional", "default", "prefault", "catch", "nullable", "nonoptional"]);

/** What a value of this schema looks like on the way in (preprocess and pipe: the validating side). */
function kindOf(node: Node): { kind: FieldKind; optional: boolean } {
  const { def } = node._zod;
  if (OPTIONAL.has(def.type) && def.innerType) {
    const inner = kindOf(def.innerType);
    return { kind: inner.kind, optional: def.type !== "nonoptional" };
  }
  if (def.type === "pipe" && def.in && def.out) {
    // z.preprocess(fn, schema) is pipe(transform, schema): the schema after it says what is expected.
    const source = def.in._zod.def.type === "transform" ? def.out : def.in;
    return kindOf(source);
  }
  switch (def.type) {
    case "string":
      return { kind: { type: "string" }, optional: false };
    case "number":
      return { kind: { type: "number" }, optional: false };
    case "boolean":
      return { kind: { type: "boolean" }, optional: false };
    case "enum":
      return { kind: { type: "enum", values: Object.values(def.entries ?? {}) }, optional: false };
    case "literal":
      return { kind: { type: "enum", values: (def.values ?? []).map(String) }, optional: false };
    case "array":
      return { kind: { type: "array" }, optional: false };
    case "object":
    case "record":
      return { kind: { type: "object" }, optional: false };
    default:
      return { kind: { type: "unknown" }, optional: false };
  }
}

/** The top-level fields of an object-like schema (objects, intersections, unions, pipes around them). */
export function fieldsOf(schema: z.ZodType): Field[] {
  const found = new Map<string, Field>();
  const visit = (node: Node) => {
    const { def } = node._zod;
    if (def.type === "object" && def.shape) {
      for (const [name, child] of Object.entries(def.shape)) {
        const { kind, optional } = kindOf(child);
        const seen = found.get(name);
        // A union's options may disagree (a discriminator); keep every allowed value.
        if (seen?.kind.type === "enum" && kind.type === "enum") {
          seen.kind.values = [...new Set([...seen.kind.values, ...kind.values])];
        } else if (!seen) found.set(name, { name, kind, optional });
      }
    } else if (def.type === "pipe" && def.in && def.out) {
      visit(def.in._zod.def.type === "transform" ? def.out : def.in);
    } else if (OPTIONAL.has(def.type) && def.innerType) {
      visit(def.innerType);
    } else if (def.type === "intersection" && def.left && def.right) {
      visit(def.left);
      visit(def.right);
    } else if (def.type === "union" && def.options) {
      for (const option of def.options) visit(option);
    }
  };
  visit(schema as unknown as Node);
  return [...found.values()];
}
