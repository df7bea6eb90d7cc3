// The engine (src/core) keeps timer ids as `unknown`, as its own host declarations say
// (src/core/hostGlobals.d.ts); Node's typings accept only their own id types. These overloads
// let this program check the engine's sources under Node's typings unchanged.
declare function clearTimeout(id: unknown): void;
declare function clearInterval(id: unknown): void;
