import type { SafetyRuleDefinition } from './definition'
import { riskToLifeRules } from './risk-to-life'
import { immediateDangerRules } from './immediate-danger'
import { physicalRules } from './physical'
import { sexualRules } from './sexual'
import { psychologicalRules } from './psychological'
import { financialRules } from './financial'
import { neglectRules } from './neglect'
import { discriminatoryRules } from './discriminatory'
import { organisationalRules } from './organisational'
import { domesticAbuseRules } from './domestic-abuse'
import { modernSlaveryRules } from './modern-slavery'
import { restraintSeclusionRules } from './restraint-seclusion'
import { infectionControlRules } from './infection-control'
import { unsafeStaffingRules } from './unsafe-staffing'
import { unsafeCareRules } from './unsafe-care'
import { whistleblowingRules } from './whistleblowing'

export type { Negation, SafetyRuleDefinition, SignpostKind } from './definition'

/** Every safety rule, in the order they are tried; one file per category so a phrase edit is a one-line diff. */
export const safetyRuleDefinitions: readonly SafetyRuleDefinition[] = [
  ...riskToLifeRules,
  ...immediateDangerRules,
  ...physicalRules,
  ...sexualRules,
  ...psychologicalRules,
  ...financialRules,
  ...neglectRules,
  ...discriminatoryRules,
  ...organisationalRules,
  ...domesticAbuseRules,
  ...modernSlaveryRules,
  ...restraintSeclusionRules,
  ...infectionControlRules,
  ...unsafeStaffingRules,
  ...unsafeCareRules,
  ...whistleblowingRules,
]
