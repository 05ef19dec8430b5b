import crypto, { type KeyObject } from 'node:crypto'
import jwt from 'jsonwebtoken'
import type { Clock } from '../../clock'

/**
 * Direct Line tokens: HS256 JWTs signed with the session secret, each scoped to one conversation and one
 * chat user, and numbered: only the conversation's newest token works, so renewing one ends the one before.
 * A token reads and posts for 30 minutes (the Direct Line default) and is refreshed only while it is valid.
 * A person who closes the tab and comes back days later resumes with their newest token, run out or not, for
 * `resumeWindowSeconds`. A conversation's tokens are renewed at most `maxTokenRenewals` times in all.
 */
export const tokenLifetimeSeconds = 30 * 60
export const resumeWindowSeconds = 30 * 24 * 60 * 60
/** About four days of a chat left open (the page refreshes every 15 minutes), or many returns to it. */
export const maxTokenRenewals = 400

const issuer = 'public-feedback'
const audience = 'directline'

export interface ConversationGrant {
  conversationId: string
  userId: string
  /** Which of the conversation's tokens this is: 0 for the first, one more for each renewal. */
  generation: number
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
  gen?: number
  iat: number
  exp: number
}

export class DirectLineTokens {
  /** A key object, made once: given raw bytes, jsonwebtoken first tries to read them as an asymmetric key on every call. */
  private readonly key: KeyObject

  constructor(
    secret: Buffer,
    private readonly clock: Clock,
  ) {
    this.key = crypto.createSecretKey(secret)
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000)
  }

  issue(grant: ConversationGrant): { token: string; expires_in: number } {
    const iat = this.nowSeconds()
    const claims: TokenClaims = { conv: grant.conversationId, sub: grant.userId, gen: grant.generation, iat, exp: iat + tokenLifetimeSeconds }
    const token = jwt.sign(claims, this.key, { algorithm: 'HS256', issuer, audience })
    return { token, expires_in: tokenLifetimeSeconds }
  }

  /** For reading and posting: the token must be current. */
  verify(authorization: string | undefined): ConversationGrant {
    return this.check(authorization, 0)
  }

  /** For resuming a conversation: a token that ran out within the resume window is still accepted. */
  verifyForResume(authorization: string | undefined): ConversationGrant {
    return this.check(authorization, resumeWindowSeconds)
  }

  private check(authorization: string | undefined, graceSeconds: number): ConversationGrant {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')
    if (!match) throw new TokenError(401, 'This chat needs a token. Please start a new chat.')
    let claims: TokenClaims
    try {
      claims = jwt.verify(match[1], this.key, {
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
    // Tokens issued before they were numbered count as the first.
    const generation = claims.gen ?? 0
    if (typeof claims.conv !== 'string' || typeof claims.sub !== 'string' || !Number.isInteger(generation)) {
      throw new TokenError(403, 'This chat token is not valid. Please start a new chat.')
    }
    return { conversationId: claims.conv, userId: claims.sub, generation }
  }
}
