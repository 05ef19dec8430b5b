import { type Connection, type HydratedDocument, type InferSchemaType, type Model, Schema } from 'mongoose'

/**
 * What each role may do: inspectors and managers work cases; managers also see signals and failed deliveries;
 * admins manage users but do not read people's feedback (they have no need to).
 */
export const userRoles = ['inspector', 'manager', 'admin'] as const
export type UserRole = (typeof userRoles)[number]

const userSchema = new Schema(
  {
    /** Lower-case; unique and therefore required (FerretDB treats a missing unique field as null). */
    email: { type: String, required: true, unique: true },
    role: { type: String, enum: userRoles, required: true },
    /** bcrypt hash; absent for people who only sign in through OIDC. */
    passwordHash: String,
    /** SHA-256 of the API token: the token is 256 random bits, so a fast hash is enough and allows a lookup. */
    tokenHash: { type: String, index: true },
    disabled: { type: Boolean, default: false },
    lastSignedInAt: Date,
    /** Raised when the user signs out everywhere, is disabled or gets new credentials: older sessions end at once. */
    sessionVersion: { type: Number, default: 0 },
  },
  { timestamps: true },
)

export type User = InferSchemaType<typeof userSchema>
export type UserDocument = HydratedDocument<User>
export type UserModel = Model<User>

export function userModel(connection: Connection): UserModel {
  return (connection.models.User as UserModel | undefined) ?? connection.model('User', userSchema)
}
