// The classes the platform's compiler prepended to every hook (auth0-ext-compilers
// compilerFactory.js), as ONE line of source so the user's code starts on the next line.
// Declared in the same scope as the user's code, so redeclaring one is a compile error,
// exactly as on the platform.

const EXTENSIBILITY_USER_ERROR =
  'class ExtensibilityUserError extends Error { constructor(message) { super(message); this.name = this.constructor.name; } }';

const CLASS_SOURCE: Record<string, string> = {
  PreUserRegistrationError:
    'class PreUserRegistrationError extends ExtensibilityUserError { constructor(message, friendlyMessage) { super(message); this.friendlyMessage = friendlyMessage || message; } }',
  SendPhoneMessageError:
    'class SendPhoneMessageError extends ExtensibilityUserError { constructor(message, friendlyMessage) { super(message); this.friendlyMessage = friendlyMessage || message; } }',
  InvalidRequestError:
    'class InvalidRequestError extends ExtensibilityUserError { constructor(message) { super(message); } }',
  InvalidScopeError:
    'class InvalidScopeError extends ExtensibilityUserError { constructor(message) { super(message); } }',
  ServerError:
    'class ServerError extends ExtensibilityUserError { constructor(message) { super(message); } }',
};

/** One line declaring ExtensibilityUserError and the given point error classes. */
export function preludeSource(errorClasses: readonly string[]): string {
  return [
    EXTENSIBILITY_USER_ERROR,
    ...errorClasses.map((name) => {
      const source = CLASS_SOURCE[name];
      if (!source) throw new Error(`No prelude source for error class ${name}`);
      return source;
    }),
  ].join(' ');
}
