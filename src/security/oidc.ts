import type * as OpenidClient from 'openid-client' with { 'resolution-mode': 'import' }
import type { Config } from '../config'
import type { UserDocument, UserModel } from '../data/models/user'
import type { Logger } from '../logger'
import { normaliseEmail } from './users'

/** What must survive the round trip to the provider: kept in the signed session cookie, used once. */
export interface PendingOidcSignIn {
  state: string
  nonce: string
  codeVerifier: string
  returnTo?: string
}

export type OidcOutcome =
  | { outcome: 'signed-in'; user: UserDocument; returnTo?: string }
  | { outcome: 'unknown-user' }
  | { outcome: 'unverified-email' }

/** The provider could not be reached, or its answer could not be trusted. Nothing about the person is in the message. */
export class OidcProviderError extends Error {}

/** The answer came back without a sign-in we started, or the person cancelled at the provider. */
export class OidcResponseError extends Error {}

export const oidcCallbackPath = '/console/sign-in/oidc/callback'

/** http:// is only allowed for a provider on this machine (the tests' fake); a real issuer must use https. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/**
 * Organisation sign-in for the inspector console: OpenID Connect authorization code flow with PKCE, state and
 * nonce. The provider proves who someone is; our users collection decides whether they may come in and with
 * which role, matched by the provider's verified email address.
 */
export class OidcSignIn {
  private configuration?: Promise<OpenidClient.Configuration>
  private readonly issuer: URL
  private readonly redirectUri: string

  constructor(
    private readonly config: Config & { OIDC_ISSUER_URL: string; OIDC_CLIENT_ID: string },
    private readonly users: UserModel,
    private readonly logger: Logger,
  ) {
    this.issuer = new URL(config.OIDC_ISSUER_URL)
    this.redirectUri = new URL(oidcCallbackPath, config.PUBLIC_BASE_URL).toString()
  }

  /**
   * openid-client is ESM-only. tsc (module node16) keeps this import() as a real dynamic import in CommonJS
   * output, so it is loaded only when organisation sign-in is configured and used.
   */
  private client(): Promise<typeof OpenidClient> {
    return import('openid-client')
  }

  /** Discovers the provider once; a failed discovery is retried on the next sign-in rather than remembered. */
  private discovered(): Promise<OpenidClient.Configuration> {
    this.configuration ??= (async () => {
      const client = await this.client()
      const authentication = this.config.OIDC_CLIENT_SECRET ? client.ClientSecretPost(this.config.OIDC_CLIENT_SECRET) : client.None()
      return client.discovery(this.issuer, this.config.OIDC_CLIENT_ID, undefined, authentication, {
        execute: isLoopback(this.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
    })().catch(error => {
      this.configuration = undefined
      this.logger.warn({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'OIDC discovery failed')
      throw new OidcProviderError('discovery failed')
    })
    return this.configuration
  }

  /** The provider's sign-in address, and what to keep until the person comes back. */
  async start(returnTo?: string): Promise<{ url: string; pending: PendingOidcSignIn }> {
    const configuration = await this.discovered()
    const client = await this.client()
    const pending: PendingOidcSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), returnTo }
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    })
    return { url: url.href, pending }
  }

  /** Checks the provider's answer (state, PKCE, the signed ID token and its nonce) and finds our user by email. */
  async finish(callbackQuery: string, pending: PendingOidcSignIn | undefined): Promise<OidcOutcome> {
    if (!pending) throw new OidcResponseError('no sign-in was started in this browser')
    const configuration = await this.discovered()
    const client = await this.client()
    const currentUrl = new URL(this.redirectUri)
    currentUrl.search = callbackQuery
    let claims: OpenidClient.IDToken | undefined
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch (error) {
      const name = (error as Error).name
      const code = (error as { code?: string }).code
      this.logger.warn({ err: { name, code } }, 'OIDC sign-in did not complete')
      // Unreachable, timed out or answering with errors: the provider's trouble. Anything else is an answer we
      // must refuse (a state we did not send, a reused code, a cancelled sign-in, a token that does not check out).
      const providerTrouble = typeof code !== 'string' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON'
      if (!providerTrouble) throw new OidcResponseError('sign-in response refused')
      throw new OidcProviderError('token exchange failed')
    }
    const email = typeof claims?.email === 'string' ? claims.email : undefined
    if (!email || claims?.email_verified !== true) return { outcome: 'unverified-email' }
    const user = await this.users.findOne({ email: normaliseEmail(email) })
    if (!user || user.disabled) return { outcome: 'unknown-user' }
    return { outcome: 'signed-in', user, returnTo: pending.returnTo }
  }
}

/** Undefined when OIDC is not configured: the console then offers password sign-in only. */
export function createOidcSignIn(config: Config, users: UserModel, logger: Logger): OidcSignIn | undefined {
  const { OIDC_ISSUER_URL, OIDC_CLIENT_ID } = config
  if (!OIDC_ISSUER_URL || !OIDC_CLIENT_ID) return undefined
  return new OidcSignIn({ ...config, OIDC_ISSUER_URL, OIDC_CLIENT_ID }, users, logger)
}
