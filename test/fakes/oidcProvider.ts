import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import jwt from 'jsonwebtoken'

export interface FakeOidcLogin {
  email?: string
  emailVerified?: boolean
  /** The person presses Cancel at the provider: it answers with error=access_denied. */
  cancel?: boolean
}

interface IssuedCode {
  clientId: string
  redirectUri: string
  nonce?: string
  codeChallenge: string
  login: FakeOidcLogin
}

/**
 * A small OpenID Connect provider following the real protocol: discovery, /authorize (which signs in whoever
 * `nextLogin` says, as a real provider's login page would), /token (client_secret_post or basic, PKCE S256,
 * single-use codes) issuing an RS256 ID token, and /jwks with the public key. Keys are made fresh per instance.
 */
export class FakeOidcProvider {
  url = ''
  nextLogin: FakeOidcLogin = {}
  tokenRequests = 0
  private server?: http.Server
  private readonly keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  private readonly kid = crypto.randomBytes(8).toString('hex')
  private readonly codes = new Map<string, IssuedCode>()

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', chunk => chunks.push(chunk))
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')))
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', () => resolve()))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise(resolve => {
      if (!this.server) return resolve()
      this.server.closeAllConnections()
      this.server.close(() => resolve())
    })
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', this.url)
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(value))
    }
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.url,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        scopes_supported: ['openid', 'email'],
        claims_supported: ['sub', 'email', 'email_verified'],
      })
    }
    if (req.method === 'GET' && url.pathname === '/jwks') {
      return json(200, { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] })
    }
    if (req.method === 'GET' && url.pathname === '/authorize') return this.authorize(url, res, json)
    if (req.method === 'POST' && url.pathname === '/token') return this.token(req, body, json)
    json(404, { error: 'not_found' })
  }

  private authorize(url: URL, res: http.ServerResponse, json: (status: number, value: unknown) => void) {
    const query = url.searchParams
    const redirectUri = query.get('redirect_uri')
    if (query.get('client_id') !== this.clientId || !redirectUri) return json(400, { error: 'invalid_request', error_description: 'unknown client or no redirect_uri' })
    const back = new URL(redirectUri)
    const state = query.get('state')
    if (state) back.searchParams.set('state', state)
    if (this.nextLogin.cancel) {
      back.searchParams.set('error', 'access_denied')
    } else {
      if (query.get('response_type') !== 'code' || !query.get('scope')?.split(' ').includes('openid')) return json(400, { error: 'invalid_request' })
      if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) return json(400, { error: 'invalid_request', error_description: 'PKCE S256 is required' })
      const code = crypto.randomBytes(16).toString('base64url')
      this.codes.set(code, { clientId: this.clientId, redirectUri, nonce: query.get('nonce') ?? undefined, codeChallenge: query.get('code_challenge')!, login: this.nextLogin })
      back.searchParams.set('code', code)
    }
    res.writeHead(302, { location: back.toString() })
    res.end()
  }

  private token(req: http.IncomingMessage, body: string, json: (status: number, value: unknown) => void) {
    this.tokenRequests++
    const form = new URLSearchParams(body)
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent) : []
    const clientId = basicId ?? form.get('client_id')
    const clientSecret = basicSecret ?? form.get('client_secret')
    if (clientId !== this.clientId || clientSecret !== this.clientSecret) return json(401, { error: 'invalid_client' })
    if (form.get('grant_type') !== 'authorization_code') return json(400, { error: 'unsupported_grant_type' })
    const code = form.get('code') ?? ''
    const issued = this.codes.get(code)
    this.codes.delete(code)
    if (!issued || issued.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' })
    const challenge = crypto.createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url')
    if (challenge !== issued.codeChallenge) return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' })
    const claims: Record<string, unknown> = { sub: crypto.createHash('sha256').update(issued.login.email ?? 'nobody').digest('hex').slice(0, 20) }
    if (issued.nonce) claims.nonce = issued.nonce
    if (issued.login.email) claims.email = issued.login.email
    if (issued.login.emailVerified !== undefined) claims.email_verified = issued.login.emailVerified
    const idToken = jwt.sign(claims, this.keys.privateKey, { algorithm: 'RS256', keyid: this.kid, issuer: this.url, audience: this.clientId, expiresIn: 300 })
    json(200, { access_token: crypto.randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken })
  }
}
