/**
 * The name "Save as test" proposes: "Test N", N one more than the tests already there, and
 * the next free number if that name is taken (a test was deleted or renamed).
 */
export function nextTestName(taken: readonly string[]): string {
  const names = new Set(taken.map((name) => name.trim()));
  let number = taken.length + 1;
  while (names.has(`Test ${number}`)) number += 1;
  return `Test ${number}`;
}
