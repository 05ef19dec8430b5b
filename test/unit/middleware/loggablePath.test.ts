import { loggablePath } from '../../../src/middleware/setUpRequestLogging'

describe('loggablePath: no conversation id or query string ever reaches the logs', () => {
  it.each([
    ['/v3/directline/conversations/abc-123/activities', '/v3/directline/conversations/:id/activities'],
    ['/v3/directline/conversations/abc?watermark=3&t=token', '/v3/directline/conversations/:id'],
    ['/v3/conversations/a:19:thread/activities/xyz', '/v3/conversations/:id/activities/xyz'],
    ['/feedback/status?reference=P8WMX-PU6F9', '/feedback/status'],
    ['/health', '/health'],
    ['/', '/'],
    ['', ''],
  ])('%j is logged as %j', (url, logged) => {
    expect(loggablePath(url)).toBe(logged)
  })
})
