/**
 * The v1 API's payloads as TypeBox schemas: the server validates requests with them and
 * clients validate answers with them, so both sides share one definition of the contract.
 */
import { Type, type Static } from 'typebox';
import { API_ERROR_CODES } from './errors.js';

const strict = { additionalProperties: false } as const;

export const CODE_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;

export const Username = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$' });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const NewPassword = Type.String({ minLength: 8, maxLength: 1024 });
export const DisplayName = Type.String({ minLength: 1, maxLength: 128 });
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$' });
/** Recovery codes are accepted with any case, spaces or dashes; the server normalises them. */
export const RecoveryCodeInput = Type.String({ minLength: 1, maxLength: 64 });
export const OpaqueId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });
export const AuthenticatorName = Type.String({ minLength: 1, maxLength: 64 });
export const IsoTime = Type.String({ format: 'date-time' });

export const User = Type.Object(
  { id: Type.String(), username: Type.String(), displayName: Type.String(), isAdmin: Type.Boolean() },
  strict,
);
export type User = Static<typeof User>;

export const Session = Type.Object({ token: Type.String(), expiresAt: IsoTime, user: User }, strict);
export type Session = Static<typeof Session>;

export const Challenge = Type.Object(
  {
    id: Type.String(),
    expiresAt: IsoTime,
    /** Seconds until expiresAt, so a client whose clock is off still counts down right (beyond api.md; optional). */
    expiresIn: Type.Optional(Type.Integer({ minimum: 0 })),
    attemptsRemaining: Type.Integer({ minimum: 0 }),
    methods: Type.Array(Type.Union([Type.Literal('totp'), Type.Literal('recovery_code')])),
    digits: Type.Integer(),
    period: Type.Integer(),
    /** The most days a code may make this computer trusted for; 0: not offered (beyond api.md; optional). */
    trustedComputerDays: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  strict,
);
export type Challenge = Static<typeof Challenge>;

export const ApiErrorBody = Type.Object({
  error: Type.Object({
    code: Type.Union(API_ERROR_CODES.map((c) => Type.Literal(c))),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    attemptsRemaining: Type.Optional(Type.Integer({ minimum: 0 })),
    retryAfter: Type.Optional(Type.Integer({ minimum: 1 })),
    /** SSO failures: which check failed, e.g. `nonce` or `audience` for sso_token_invalid (beyond api.md). */
    reason: Type.Optional(Type.String()),
  }),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

// Single sign-on (beyond api.md)

/** Whether an account signs in through an identity provider: may, must (no password sign-in), or may not. */
export const SsoMode = Type.Union([Type.Literal('allowed'), Type.Literal('required'), Type.Literal('off')]);
export type SsoMode = Static<typeof SsoMode>;
export const SsoProviderId = Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9][a-z0-9-]*$' });
/** An identity provider as clients see it: never its secrets. `startUrl` is where a browser begins the sign-in. */
export const SsoProviderInfo = Type.Object({ id: Type.String(), displayName: Type.String(), startUrl: Type.String() }, strict);
export type SsoProviderInfo = Static<typeof SsoProviderInfo>;

/** RFC 7636: 43 to 128 unreserved characters; S256 challenges are 43 base64url characters. */
export const PkceCodeVerifier = Type.String({ minLength: 43, maxLength: 128, pattern: '^[A-Za-z0-9._~-]+$' });
export const PkceCodeChallenge = Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]+$' });

/**
 * GET /auth/sso/{provider}/start. The desktop app sends the four RFC 8252 parameters together; the browser
 * pages send none of them and may send `next`.
 */
export const SsoStartQuery = Type.Object(
  {
    redirect_uri: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    state: Type.Optional(Type.String({ minLength: 16, maxLength: 256, pattern: '^[A-Za-z0-9._~-]+$' })),
    code_challenge: Type.Optional(PkceCodeChallenge),
    code_challenge_method: Type.Optional(Type.Literal('S256')),
    next: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);
export type SsoStartQuery = Static<typeof SsoStartQuery>;
/** The identity provider's answer; providers add parameters of their own (session_state, iss), so others are let through. */
export const SsoCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
});
export type SsoCallbackQuery = Static<typeof SsoCallbackQuery>;
export const SsoProviderParams = Type.Object({ provider: SsoProviderId }, strict);
/** POST /auth/sso/exchange: the one-time result code from the loopback redirect and the app's PKCE verifier. */
export const SsoExchangeRequest = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }), codeVerifier: PkceCodeVerifier }, strict);
export type SsoExchangeRequest = Static<typeof SsoExchangeRequest>;

// Public

export const HealthResponse = Type.Object({ status: Type.Literal('ok') }, strict);
export const InfoResponse = Type.Object(
  {
    environment: Type.String(),
    totp: Type.Object({ enabled: Type.Boolean() }),
    enrollmentUrl: Type.String(),
    settingsUrl: Type.String(),
    /** `requiredForAll` and `providers` are beyond api.md: absent from servers without SSO. */
    sso: Type.Object({
      enabled: Type.Boolean(),
      requiredForAll: Type.Optional(Type.Boolean()),
      providers: Type.Optional(Type.Array(SsoProviderInfo)),
    }),
  },
  strict,
);
export type InfoResponse = Static<typeof InfoResponse>;

// Sign-in

// Trusted computers (beyond api.md)

export const TRUSTED_COMPUTER_NAME_MAX = 64;
export const TRUSTED_COMPUTER_DAYS_MAX = 365;
/** `tc_` and 43 base64url characters from this server; what a client may send back is checked loosely. */
export const TRUSTED_COMPUTER_TOKEN_PATTERN = '^[A-Za-z0-9_-]{1,200}$';
export const TrustedComputerToken = Type.String({ minLength: 1, maxLength: 200, pattern: TRUSTED_COMPUTER_TOKEN_PATTERN });
/** Sent with a code: trust this computer for `days` (the server grants at most the environment's days). */
export const TrustComputerRequest = Type.Object(
  {
    /** 1 to 64 characters once trimmed, no control characters (checked by the server: a schema cannot trim). */
    name: Type.String({ maxLength: 256 }),
    days: Type.Integer({ minimum: 1, maximum: TRUSTED_COMPUTER_DAYS_MAX }),
  },
  strict,
);
export type TrustComputerRequest = Static<typeof TrustComputerRequest>;
/** The trust a code created: `token` is shown this once (the pages' cookie mode moves it into a cookie and sends ""). */
export const IssuedTrustedComputer = Type.Object({ id: Type.String(), name: Type.String(), token: Type.String(), expiresAt: IsoTime }, strict);
export type IssuedTrustedComputer = Static<typeof IssuedTrustedComputer>;
/**
 * Beside a code's session when the request asked for it (`offerTrust`), the environment allows trusted
 * computers and none was made: the one-time
 * right, for that session only and until `expiresAt`, to trust this computer afterwards (POST
 * /me/trusted-computers) for at most `days`.
 */
export const TrustOffer = Type.Object({ grant: TrustedComputerToken, expiresAt: IsoTime, days: Type.Integer({ minimum: 1 }) }, strict);
export type TrustOffer = Static<typeof TrustOffer>;
/** POST /me/trusted-computers: the offer a code's answer carried, and the trust asked for. */
export const TrustThisComputerRequest = Type.Object(
  {
    grant: TrustedComputerToken,
    name: Type.String({ maxLength: 256 }),
    days: Type.Integer({ minimum: 1, maximum: TRUSTED_COMPUTER_DAYS_MAX }),
  },
  strict,
);
export type TrustThisComputerRequest = Static<typeof TrustThisComputerRequest>;
/** The trust a password sign-in was let through on, instead of a code. */
export const HonouredTrustedComputer = Type.Object({ id: Type.String(), name: Type.String(), expiresAt: IsoTime }, strict);
export type HonouredTrustedComputer = Static<typeof HonouredTrustedComputer>;
/** A trusted computer as its user and administrators see it; `expiresAt` is when it ends under today's settings. */
export const TrustedComputer = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: IsoTime,
    lastUsedAt: Type.Union([IsoTime, Type.Null()]),
    expiresAt: IsoTime,
    /** The pages' own browser (its cookie names this one); always false for bearer calls. */
    thisComputer: Type.Boolean(),
  },
  strict,
);
export type TrustedComputer = Static<typeof TrustedComputer>;
export const TrustedComputersResponse = Type.Object({ computers: Type.Array(TrustedComputer) }, strict);
export type TrustedComputersResponse = Static<typeof TrustedComputersResponse>;

// Sign-in

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 256 }), password: Password, trustedComputerToken: Type.Optional(TrustedComputerToken) },
  strict,
);
export type LoginRequest = Static<typeof LoginRequest>;

/** A full session; from a password sign-in on a trusted computer, `trustedComputer` names it. */
export const AuthenticatedResponse = Type.Object(
  { status: Type.Literal('authenticated'), session: Session, trustedComputer: Type.Optional(HonouredTrustedComputer) },
  strict,
);
export type AuthenticatedResponse = Static<typeof AuthenticatedResponse>;
export const TotpRequiredResponse = Type.Object({ status: Type.Literal('totp_required'), challenge: Challenge }, strict);
export const EnrollmentRequiredResponse = Type.Object(
  { status: Type.Literal('enrollment_required'), enrollmentUrl: Type.String(), enrollmentSession: Session },
  strict,
);
export const LoginResponse = Type.Union([AuthenticatedResponse, TotpRequiredResponse, EnrollmentRequiredResponse]);
export type LoginResponse = Static<typeof LoginResponse>;

/**
 * `offerTrust`: when no `trustComputer` is sent, ask for a `trustOffer` in the answer (the computer can then be
 * trusted once signed in). Opt-in, so clients that check answers against the earlier schema never see it.
 */
const OfferTrust = Type.Optional(Type.Boolean());
export const TotpRequest = Type.Object({ challengeId: OpaqueId, code: TotpCode, trustComputer: Type.Optional(TrustComputerRequest), offerTrust: OfferTrust }, strict);
export type TotpRequest = Static<typeof TotpRequest>;
/** POST /auth/totp's answer: a full session, and the trusted computer when one was asked for and granted. */
export const CodeAcceptedResponse = Type.Object(
  { status: Type.Literal('authenticated'), session: Session, trustedComputer: Type.Optional(IssuedTrustedComputer), trustOffer: Type.Optional(TrustOffer) },
  strict,
);
export type CodeAcceptedResponse = Static<typeof CodeAcceptedResponse>;
export const RecoveryRequest = Type.Object(
  { challengeId: OpaqueId, recoveryCode: RecoveryCodeInput, trustComputer: Type.Optional(TrustComputerRequest), offerTrust: OfferTrust },
  strict,
);
export type RecoveryRequest = Static<typeof RecoveryRequest>;
export const RecoveryResponse = Type.Object(
  {
    status: Type.Literal('authenticated'),
    session: Session,
    recoveryCodesRemaining: Type.Integer({ minimum: 0 }),
    trustedComputer: Type.Optional(IssuedTrustedComputer),
    trustOffer: Type.Optional(TrustOffer),
  },
  strict,
);
export type RecoveryResponse = Static<typeof RecoveryResponse>;

// The signed-in user

export const Authenticator = Type.Object(
  { id: Type.String(), name: Type.String(), createdAt: IsoTime, lastUsedAt: Type.Union([IsoTime, Type.Null()]) },
  strict,
);
export type Authenticator = Static<typeof Authenticator>;

export const MeResponse = Type.Object(
  {
    user: User,
    totp: Type.Object(
      {
        environmentEnabled: Type.Boolean(),
        required: Type.Boolean(),
        authenticators: Type.Array(Authenticator),
        recoveryCodesRemaining: Type.Integer({ minimum: 0 }),
      },
      strict,
    ),
    session: Type.Object({ expiresAt: IsoTime }, strict),
    /** `days`: the environment's most (0: off); `computers` newest first (beyond api.md: always sent by this server). */
    trustedComputers: Type.Optional(Type.Object({ days: Type.Integer({ minimum: 0 }), computers: Type.Array(TrustedComputer) }, strict)),
  },
  strict,
);
export type MeResponse = Static<typeof MeResponse>;

export const AddAuthenticatorRequest = Type.Object({ name: AuthenticatorName }, strict);
export const PendingAuthenticator = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    secret: Type.String(),
    otpauthUri: Type.String(),
    qrCode: Type.String(),
    expiresAt: IsoTime,
  },
  strict,
);
export type PendingAuthenticator = Static<typeof PendingAuthenticator>;
export const ConfirmAuthenticatorRequest = Type.Object({ code: TotpCode }, strict);
export const ConfirmAuthenticatorResponse = Type.Object(
  { authenticator: Authenticator, recoveryCodes: Type.Optional(Type.Array(Type.String())), session: Type.Optional(Session) },
  strict,
);
export type ConfirmAuthenticatorResponse = Static<typeof ConfirmAuthenticatorResponse>;
export const RecoveryCodesResponse = Type.Object({ recoveryCodes: Type.Array(Type.String()) }, strict);
export const IdParams = Type.Object({ id: OpaqueId }, strict);
export const UserTrustedComputerParams = Type.Object({ id: OpaqueId, tcId: OpaqueId }, strict);
export const ChangePasswordRequest = Type.Object({ currentPassword: Password, newPassword: NewPassword }, strict);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;
export const SetPasswordRequest = Type.Object({ newPassword: NewPassword }, strict);
export type SetPasswordRequest = Static<typeof SetPasswordRequest>;
/** For requests that carry nothing: no body at all, or an empty object; any field is refused. */
export const NoBody = Type.Unsafe<Record<string, never> | undefined>({ if: { type: 'object' }, then: { type: 'object', additionalProperties: false } });

// Administration

export const AdminUser = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    isAdmin: Type.Boolean(),
    disabled: Type.Boolean(),
    totpRequired: Type.Boolean(),
    sso: SsoMode,
    authenticatorCount: Type.Integer({ minimum: 0 }),
    /** Live trusted computers (beyond api.md). */
    trustedComputers: Type.Integer({ minimum: 0 }),
    createdAt: IsoTime,
  },
  strict,
);
export type AdminUser = Static<typeof AdminUser>;
export const AdminUsersQuery = Type.Object({ search: Type.Optional(Type.String({ maxLength: 64 })) }, strict);
export const AdminUsersResponse = Type.Object({ users: Type.Array(AdminUser) }, strict);
export const AdminUserResponse = Type.Object({ user: AdminUser }, strict);
export const CreateUserRequest = Type.Object(
  {
    username: Username,
    password: NewPassword,
    displayName: Type.Optional(DisplayName),
    isAdmin: Type.Optional(Type.Boolean()),
    totpRequired: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;
export const UpdateUserRequest = Type.Object(
  { totpRequired: Type.Optional(Type.Boolean()), disabled: Type.Optional(Type.Boolean()), sso: Type.Optional(SsoMode) },
  { ...strict, minProperties: 1 },
);
const TrustedComputerDays = Type.Integer({ minimum: 0, maximum: TRUSTED_COMPUTER_DAYS_MAX });
export const Environment = Type.Object(
  {
    environment: Type.String(),
    totpEnabled: Type.Boolean(),
    totpRequiredForAll: Type.Boolean(),
    ssoRequiredForAll: Type.Boolean(),
    /** The most days a computer may be trusted; 0: off (beyond api.md). */
    trustedComputerDays: TrustedComputerDays,
  },
  strict,
);
export type Environment = Static<typeof Environment>;
export const UpdateEnvironmentRequest = Type.Object(
  {
    totpEnabled: Type.Optional(Type.Boolean()),
    totpRequiredForAll: Type.Optional(Type.Boolean()),
    ssoRequiredForAll: Type.Optional(Type.Boolean()),
    trustedComputerDays: Type.Optional(TrustedComputerDays),
  },
  { ...strict, minProperties: 1 },
);
export const AuditEvent = Type.Object(
  {
    id: Type.Integer(),
    at: IsoTime,
    event: Type.String(),
    userId: Type.Union([Type.String(), Type.Null()]),
    username: Type.Union([Type.String(), Type.Null()]),
    clientAddress: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  },
  strict,
);
export type AuditEvent = Static<typeof AuditEvent>;
export const AuditQuery = Type.Object(
  { limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })), username: Type.Optional(Type.String({ maxLength: 256 })) },
  strict,
);
export const AuditResponse = Type.Object({ events: Type.Array(AuditEvent) }, strict);

// Hand-off: a signed-in desktop app carries its sign-in over to the browser with a one-time code (docs/api.md).

export const HandoffPath = Type.Union([Type.Literal('/enroll'), Type.Literal('/settings')]);
export type HandoffPath = Static<typeof HandoffPath>;
export const HandoffRequest = Type.Object({ next: HandoffPath }, strict);
export type HandoffRequest = Static<typeof HandoffRequest>;
/** `url` carries the code in its fragment, which browsers send to no server and put in no Referer. */
export const HandoffResponse = Type.Object({ url: Type.String(), expiresAt: IsoTime, expiresIn: Type.Integer({ minimum: 0 }) }, strict);
export type HandoffResponse = Static<typeof HandoffResponse>;
export const HandoffCodeRequest = Type.Object({ code: OpaqueId }, strict);
export type HandoffCodeRequest = Static<typeof HandoffCodeRequest>;
/** Whom a hand-off signs in as, so the page can ask before it does. */
export const HandoffInspectResponse = Type.Object({ user: User, next: HandoffPath, expiresIn: Type.Integer({ minimum: 0 }) }, strict);
export type HandoffInspectResponse = Static<typeof HandoffInspectResponse>;
export const HandoffRedeemResponse = Type.Object({ session: Session, next: HandoffPath }, strict);
export type HandoffRedeemResponse = Static<typeof HandoffRedeemResponse>;
