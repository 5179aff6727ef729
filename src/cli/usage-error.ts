/** A failure the user can fix: printed as one message, exit code 2. */
export class UsageError extends Error {}
