/** Why the CLI cannot get a token for a real tenant. */
export type SignInErrorCode = 'notSignedIn' | 'signInExpired' | 'signInFailed';

/** A sign-in problem the user can fix with `tandem login`. */
export class SignInError extends Error {
  readonly code: SignInErrorCode;

  constructor(code: SignInErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInError';
    this.code = code;
  }
}
