#!/usr/bin/env node
/** Executable entry of `python-specialist`. */
import { main } from "./program.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
