/** The registry of targets: a framework is offered exactly when its target is listed here. */
import { djangoTarget } from "./django/index.js";
import { fastapiTarget } from "./fastapi/index.js";
import { flaskTarget } from "./flask/index.js";
import type { Framework, Target } from "./target.js";

const TARGETS: readonly Target[] = [fastapiTarget, djangoTarget, flaskTarget];

export function targetFor(framework: Framework): Target | undefined {
  return TARGETS.find((t) => t.framework === framework);
}

/** The target whose stack a plan describes when the requested framework has none (it is refused anyway). */
export const DEFAULT_TARGET: Target = fastapiTarget;

export const AVAILABLE_FRAMEWORKS: readonly Framework[] = TARGETS.map((t) => t.framework);
