/**
 * A spec the user wrote (a distribution, a policy, shift hours) that a pure core cannot read.
 * The message says what is wrong with the text; the CLI prefixes the flag it came from.
 */
export class SpecError extends Error {}
