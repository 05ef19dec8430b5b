import jwt from 'jsonwebtoken'
import type { Clock } from '../clock'

/**
 * Direct Line tokens: HS256 JWTs signed with the session secret, each scoped to one conversation and one
 * chat user. A token reads and posts for 30 minutes (the Direct Line default). A token that has run out
 * can still be exchanged for a fresh one for `resumeWindowSeconds`, so a person who closes the tab and
 * comes back days later carries on where they left off.
 */
export const tokenLifetimeSeconds = 30 * 60
export const resumeWindowSeconds = 30 * 24 * 60 * 60

const issuer = 'public-feedback'
const audience = 'directline'

export interface ConversationGrant {
  conversationId: string
  userId: string
}

export class TokenError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message)
  }
}

interface TokenClaims {
  conv: string
  sub: string
  iat: number
  exp: number
}

export class DirectLineTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {}

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000)
  }

  issue(grant: ConversationGrant): { token: string; expires_in: number } {
    const iat = this.nowSeconds()
    const claims: TokenClaims = { conv: grant.conversationId, sub: grant.userId, iat, exp: iat + tokenLifetimeSeconds }
    const token = jwt.sign(claims, this.secret, { algorithm: 'HS256', issuer, audience })
    return { token, expires_in: tokenLifetimeSeconds }
  }

  /** For reading and posting: the token must be current. */
  verify(authorization: string | undefined): ConversationGrant {
    return this.check(authorization, 0)
  }

  /** For refreshing and resuming: a token that ran out within the resume window is still accepted. */
  verifyForRenewal(authorization: string | undefined): ConversationGrant {
    return this.check(authorization, resumeWindowSeconds)
  }

  private check(authorization: string | undefined, graceSeconds: number): ConversationGrant {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')
    if (!match) throw new TokenError(401, 'This chat needs a token. Please start a new chat.')
    let claims: TokenClaims
    try {
      claims = jwt.verify(match[1], this.secret, {
        algorithms: ['HS256'],
        issuer,
        audience,
        clockTimestamp: this.nowSeconds(),
        clockTolerance: graceSeconds,
      }) as TokenClaims
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError
      throw new TokenError(403, expired ? 'This chat has timed out. Please refresh the page to carry on.' : 'This chat token is not valid. Please start a new chat.')
    }
    if (typeof claims.conv !== 'string' || typeof claims.sub !== 'string') {
      throw new TokenError(403, 'This chat token is not valid. Please start a new chat.')
    }
    return { conversationId: claims.conv, userId: claims.sub }
  }
}
