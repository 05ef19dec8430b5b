import path from 'node:path'
import express, { type Router } from 'express'

const govukFrontend = path.dirname(require.resolve('govuk-frontend/package.json'))

export default function setUpStaticResources(): Router {
  const router = express.Router()
  const options = { maxAge: '1h', index: false as const }
  router.use('/assets', express.static(path.join(govukFrontend, 'dist', 'govuk', 'assets'), options))
  router.use('/assets/govuk', express.static(path.join(govukFrontend, 'dist', 'govuk'), options))
  router.use('/assets/app', express.static(path.join(__dirname, '..', '..', 'public'), options))
  return router
}
