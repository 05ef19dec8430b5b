import { startTestService, testServiceForThisFile } from '../helpers/service'

describe('the HTTP service', () => {
  const service = testServiceForThisFile()

  it('answers /healthz and /readyz when the database answers', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${service.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${service.url}/no-such-page`)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers an unknown API address with a kind JSON 404, not a stack trace', async () => {
    const response = await fetch(`${service.url}/api/no-such-thing`)
    expect(response.status).toBe(404)
    const body = await response.json()
    expect(body.message).toBe('There is nothing at this address.')
  })

  it('answers an unknown page with a GOV.UK-style page', async () => {
    const response = await fetch(`${service.url}/no-such-page`)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('govuk-template')
  })

  it('stops gracefully, letting an in-flight request finish', async () => {
    const other = await startTestService()
    let stopped: Promise<void> | undefined
    other.server.once('request', () => {
      stopped = other.stop()
    })
    const inFlight = await fetch(`${other.url}/readyz`)
    expect(stopped).toBeDefined()
    expect(inFlight.status).toBe(200)
    await stopped
    await expect(fetch(`${other.url}/healthz`)).rejects.toThrow()
  })
})
