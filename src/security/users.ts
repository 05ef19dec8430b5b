import crypto from 'node:crypto'
import bcrypt from 'bcryptjs'
import type { UserDocument, UserModel, UserRole } from '../data/models/user'
import { userRoles } from '../data/models/user'
import { normaliseEmailAddress } from '../contact/contactEncryption'

export interface NewUserCredentials {
  email: string
  role: UserRole
  password: string
  token: string
}

export class UserError extends Error {}

const tokenPrefix = 'pfs_'

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Easy to read out and type: no 0/O or 1/l/I, four groups of five. */
function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const chars = Array.from(crypto.randomBytes(20), byte => alphabet[byte % alphabet.length])
  return [0, 5, 10, 15].map(start => chars.slice(start, start + 5).join('')).join('-')
}

export class Users {
  /** `hashCost`: the bcrypt work factor for new passwords (config PASSWORD_HASH_COST). */
  constructor(
    private readonly users: UserModel,
    private readonly hashCost: number,
  ) {}

  /** Creates a user, or with `reset` gives an existing one a new password and token. Returns them once, in the clear. */
  async create(email: string, role: string, options: { password?: string; reset?: boolean } = {}): Promise<NewUserCredentials> {
    const address = normaliseEmailAddress(email)
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new UserError('Enter an email address in the correct format, like name@example.gov.uk')
    if (!(userRoles as readonly string[]).includes(role)) throw new UserError(`The role must be one of: ${userRoles.join(', ')}`)
    if (options.password !== undefined && options.password.length < 12) throw new UserError('The password must be at least 12 characters long')
    const password = options.password ?? newPassword()
    const token = tokenPrefix + crypto.randomBytes(32).toString('base64url')
    const fields = { email: address, role: role as UserRole, passwordHash: await bcrypt.hash(password, this.hashCost), tokenHash: hashToken(token), disabled: false }
    const existing = await this.users.findOne({ email: address })
    if (existing && !options.reset) throw new UserError(`A user with the email ${address} already exists (use --reset to give them new credentials)`)
    // New credentials end every session signed in with the old ones.
    if (existing) await this.users.updateOne({ _id: existing._id }, { $set: fields, $inc: { sessionVersion: 1 } })
    else await this.users.create(fields)
    return { email: address, role: role as UserRole, password, token }
  }

  async byToken(token: string): Promise<UserDocument | null> {
    if (!token.startsWith(tokenPrefix)) return null
    const user = await this.users.findOne({ tokenHash: hashToken(token) })
    return user && !user.disabled ? user : null
  }

  async byId(id: string): Promise<UserDocument | null> {
    if (!/^[a-f0-9]{24}$/.test(id)) return null
    const user = await this.users.findById(id)
    return user && !user.disabled ? user : null
  }

  /** Compares even when there is no such user, so the answer takes as long either way. */
  async checkPassword(email: string, password: string): Promise<UserDocument | null> {
    const user = await this.users.findOne({ email: normaliseEmailAddress(email) })
    const hash = user?.passwordHash ?? '$2b$12$C6UzMDM.H6dfI/f/IKcEeO2HjWq7vN0yk3dPp5nEoH8yHQzrkI1Py'
    const matches = await bcrypt.compare(password, hash)
    return user && matches && !user.disabled && user.passwordHash ? user : null
  }

  async list() {
    return this.users.find({}, { email: 1, role: 1, disabled: 1, lastSignedInAt: 1, createdAt: 1 }).sort({ email: 1 }).lean()
  }

  /** People a case can be assigned to: inspectors and managers whose access is on. */
  async activeCaseWorkers(): Promise<string[]> {
    const found = await this.users.find({ role: { $in: ['inspector', 'manager'] }, disabled: { $ne: true } }, { email: 1 }).lean()
    return found.map(user => user.email).sort()
  }

  /** Disabling (or enabling) ends the user's sessions at once: they sign in again if they may. */
  async setDisabled(email: string, disabled: boolean): Promise<boolean> {
    const result = await this.users.updateOne({ email: normaliseEmailAddress(email) }, { $set: { disabled }, $inc: { sessionVersion: 1 } })
    return result.matchedCount > 0
  }

  /** Ends every session of this user, wherever they signed in. */
  async endSessions(id: string): Promise<void> {
    if (!/^[a-f0-9]{24}$/.test(id)) return
    await this.users.updateOne({ _id: id }, { $inc: { sessionVersion: 1 } })
  }

  async markSignedIn(user: UserDocument, at: Date): Promise<void> {
    await this.users.updateOne({ _id: user._id }, { $set: { lastSignedInAt: at } })
  }
}
