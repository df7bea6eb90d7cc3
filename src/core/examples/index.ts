import type { HookExample } from './types';
import { credentialsExchangeExamples } from './credentialsExchange';
import { preUserRegistrationExamples } from './preUserRegistration';
import { preUserRegistrationRuntimeExamples } from './preUserRegistrationRuntime';
import { postUserRegistrationExamples } from './postUserRegistration';
import { postChangePasswordExamples } from './postChangePassword';
import { sendPhoneMessageExamples } from './sendPhoneMessage';

export type { HookExample } from './types';

/** The Examples menu, grouped by point in the Dashboard's order. */
export const examples: readonly HookExample[] = [
  ...credentialsExchangeExamples,
  ...preUserRegistrationExamples,
  ...preUserRegistrationRuntimeExamples,
  ...postUserRegistrationExamples,
  ...postChangePasswordExamples,
  ...sendPhoneMessageExamples,
];
