import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, configVariables, loadConfig } from '../../src/config'

const projectRoot = path.resolve(__dirname, '..', '..')

describe('configuration', () => {
  it('starts on the embedded defaults with nothing set', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(3978)
    expect(config.MONGODB_URI).toBeUndefined()
    expect(config.OPENAI_API_KEY).toBeUndefined()
    expect(Object.isFrozen(config)).toBe(true)
  })

  it.each([
    ['PORT', 'abc', /^Configuration error: PORT must be a whole number between 1 and 65535 \(got "abc"\)\. For example: PORT=3978$/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PUBLIC_BASE_URL', 'feedback.example', /PUBLIC_BASE_URL must be a full URL/],
    ['ENCRYPTION_KEY', 'too-short', /ENCRYPTION_KEY must be 32 random bytes in base64/],
    ['NODE_ENV', 'staging', /NODE_ENV must be development, test or production/],
    ['ALERT_ESCALATION_MINUTES', '-5', /ALERT_ESCALATION_MINUTES must be a number above 0/],
  ])('rejects %s=%s with one line naming the variable and an example', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    try {
      loadConfig({ [name]: value })
    } catch (error) {
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).toContain(`For example: ${name}=`)
      expect((error as Error).message).not.toContain('\n')
    }
  })

  it('keeps console passwords at bcrypt work factor 12 unless told otherwise, and refuses less in production', () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(12)
    expect(loadConfig({ PASSWORD_HASH_COST: '4' }).PASSWORD_HASH_COST).toBe(4)
    expect(() => loadConfig({ PASSWORD_HASH_COST: '3' })).toThrow(/PASSWORD_HASH_COST must be a whole number from 4 to 15/)
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app-id', PASSWORD_HASH_COST: '10' })).toThrow(
      'Configuration error: PASSWORD_HASH_COST must be at least 12 in production (got 10).',
    )
  })

  it('treats an empty optional value as not set', () => {
    expect(loadConfig({ MONGODB_URI: '', OPENAI_BASE_URL: '' }).MONGODB_URI).toBeUndefined()
  })

  it.each(['README.md', '.env.example'])('lists every variable in %s', file => {
    const text = fs.readFileSync(path.join(projectRoot, file), 'utf8')
    const missing = Object.keys(configVariables).filter(name => !new RegExp(`\\b${name}\\b`).test(text))
    expect(missing).toEqual([])
  })

  it('gives .env.example the same defaults as the code', () => {
    const lines = fs.readFileSync(path.join(projectRoot, '.env.example'), 'utf8').split('\n')
    for (const [name, spec] of Object.entries(configVariables)) {
      const line = lines.find(candidate => candidate.replace(/^#\s*/, '').startsWith(`${name}=`))
      expect(line).toBeDefined()
      const value = line!.replace(/^#\s*/, '').slice(name.length + 1)
      expect({ name, value }).toEqual({ name, value: 'default' in spec ? spec.default : '' })
    }
  })
})
