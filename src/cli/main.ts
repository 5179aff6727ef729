#!/usr/bin/env node
/** Executable entry of `python-specialist`. */
import { setFlagsFromString } from "node:v8";

// One CLI run formats a project once with ruff's WebAssembly build. V8's baseline compiler alone builds
// it in a fraction of the time its optimising tier takes (and formats a project about as fast), so the
// flag is set before anything loads the module: hence the dynamic import below. The build bundles
// program.js with its dependencies into one module (scripts/bundle-cli.mjs).
setFlagsFromString("--liftoff-only");
const { main } = await import("./program.js");
process.exitCode = await main(process.argv.slice(2));
