/** Half of the execution matrix (see matrix.ts): vitest runs the two halves in parallel. */
import { defineMatrix } from "./matrix.js";

defineMatrix(0, 2);
