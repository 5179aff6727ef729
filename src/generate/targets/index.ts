/** The registry of targets: a framework is offered exactly when its target is listed here. */
import { djangoTarget } from "./django/index.js";
import { fastapiTarget } from "./fastapi/index.js";
import { flaskTarget } from "./flask/index.js";
import type { Framework, Target } from "./target.js";

const TARGETS: readonly Target[] = [fastapiTarget, djangoTarget, flaskTarget];

export function targetFor(framework: Framework): Target | undefined {
  return TARGETS.find((t) => t.framework === framework);
}

export const AVAILABLE_FRAMEWORKS: readonly Framework[] = TARGETS.map((t) => t.framework);
