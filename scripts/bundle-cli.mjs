/**
 * Bundles the CLI (dist/cli/program.js, which main.js loads) with its dependencies into that one file.
 *
 * Node resolves, reads and links every ES module on its own: the CLI's two hundred modules (ours, zod's,
 * yaml's) took about 0.4 s to load, more than generating a small project. One module takes about half.
 * Two packages stay outside: ruff's WebAssembly build reads its .wasm file next to its own module, and
 * the wizard's prompts are imported only when the wizard runs.
 */
import { build } from "esbuild";

const program = new URL("../dist/cli/program.js", import.meta.url).pathname;

await build({
  entryPoints: [program],
  outfile: program,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["@astral-sh/ruff-wasm-nodejs", "@inquirer/prompts"],
  // Bundled CommonJS packages (commander, yaml) call require, which an ES module lacks.
  banner: {
    js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
