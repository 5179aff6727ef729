/** The Blueprint as JSON Schema, for editor completion and validation of blueprint YAML files. */
import { z } from "zod";
import { blueprintSchema } from "./schema.js";

const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/**
 * Describes what a user may write (`io: "input"`), so keys with defaults are optional rather than required
 * as they are in the parsed output. Descriptions come from the zod schema's `.describe()` texts.
 */
export function blueprintJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(blueprintSchema, { io: "input" });
  return { $schema: $schema ?? DRAFT_2020_12, title: "python-specialist blueprint", ...rest };
}
