/** How long a person has at the provider before the sign-in times out. */
export const TRANSACTION_TTL_SECONDS = 5 * 60;
/** How long the desktop app has to exchange its result code. */
export const RESULT_TTL_SECONDS = 60;
