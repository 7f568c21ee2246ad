/** Ends every switch over a closed union so adding a member is a compile error at each switch. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
