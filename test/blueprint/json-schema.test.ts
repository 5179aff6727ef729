import { describe, expect, it } from "vitest";
import { blueprintJsonSchema } from "../../src/blueprint/json-schema.js";

interface JsonSchemaNode {
  type?: string;
  title?: string;
  description?: string;
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

describe("blueprintJsonSchema", () => {
  const schema = blueprintJsonSchema() as JsonSchemaNode & { $schema?: string };

  it("is a titled draft 2020-12 schema", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("python-specialist blueprint");
  });

  it("describes what a user writes: only keys without defaults are required", () => {
    expect(schema.required).toEqual(["name", "entities"]);
  });

  it("has entities that reject unknown keys, with descriptions", () => {
    const entity = schema.properties?.entities?.items;
    expect(entity?.additionalProperties).toBe(false);
    expect(entity?.description).toBe("A domain object: a table, a schema set, a service and a router.");
    expect(entity?.properties?.name?.description).toBe("PascalCase class name, e.g. `Product`.");
    const field = entity?.properties?.fields?.items;
    expect(field?.additionalProperties).toBe(false);
    expect(field?.properties?.type?.description).toBe("Value type; `string` by default.");
    expect(schema.description).toBe("A python-specialist blueprint.");
  });
});
