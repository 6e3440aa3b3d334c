/** For `value ?? throwError('… because …')`: a missing value the test's setup guarantees is a bug in the test. */
export function throwError(message: string): never {
  throw new Error(message);
}
