/** A tiny cookie-keeping client for the console's server-rendered forms (no JavaScript needed, as for a person). */
export class ConsoleClient {
  private cookies = new Map<string, string>()

  /** `behindTlsProxy`: sends X-Forwarded-Proto: https, as the proxy in front of an https PUBLIC_BASE_URL would. */
  constructor(
    private readonly baseUrl: string,
    private readonly options: { behindTlsProxy?: boolean } = {},
  ) {}

  async get(pathName: string): Promise<{ status: number; html: string; location: string | null; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${pathName}`, { headers: this.cookieHeader(), redirect: 'manual' })
    this.keepCookies(response)
    return { status: response.status, html: await response.text(), location: response.headers.get('location'), headers: response.headers }
  }

  async post(pathName: string, fields: Record<string, string>) {
    const response = await fetch(`${this.baseUrl}${pathName}`, {
      method: 'POST',
      headers: { ...this.cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    })
    this.keepCookies(response)
    return { status: response.status, html: await response.text(), location: response.headers.get('location') }
  }

  /** The CSRF token from the last page's forms. */
  static csrfTokenIn(html: string): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!token) throw new Error('no CSRF token on the page')
    return token
  }

  async signIn(email: string, password: string) {
    const page = await this.get('/console/sign-in')
    return this.post('/console/sign-in', { _csrf: ConsoleClient.csrfTokenIn(page.html), email, password })
  }

  cookieValue(name: string): string | undefined {
    return this.cookies.get(name)
  }

  private cookieHeader(): Record<string, string> {
    const proxy: Record<string, string> = this.options.behindTlsProxy ? { 'X-Forwarded-Proto': 'https' } : {}
    return this.cookies.size ? { ...proxy, Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : proxy
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }
}
