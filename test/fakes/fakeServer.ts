import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}

export type FakeHandler = (request: FakeRequest) => { status: number; json?: unknown } | Promise<{ status: number; json?: unknown }>

/** A tiny HTTP server on a free loopback port, for a provider fake. `down` makes every request fail with 500. */
export async function startFakeServer(handler: FakeHandler): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', async () => {
      try {
        const result = await handler({
          method: req.method ?? 'GET',
          path: decodeURI(new URL(req.url ?? '/', 'http://fake').pathname),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
        res.writeHead(result.status, { 'content-type': 'application/json' })
        res.end(result.json === undefined ? '' : JSON.stringify(result.json))
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: String(error) }))
      }
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
