import path from 'node:path'
import type express from 'express'
import nunjucks from 'nunjucks'

const govukFrontend = path.dirname(require.resolve('govuk-frontend/package.json'))

export default function setUpNunjucks(app: express.Express, serviceName: string): nunjucks.Environment {
  app.set('view engine', 'njk')
  const env = nunjucks.configure([path.join(__dirname, '..', 'views'), path.join(govukFrontend, 'dist')], {
    autoescape: true,
    express: app,
    noCache: false,
  })
  env.addGlobal('serviceName', serviceName)
  return env
}
