/**
 * The vocabulary classification speaks: FFT qualitative framework v6 themes (names exactly as the
 * one-hot columns of the NHS England training data), the regulator's five key questions, sentiment,
 * risk levels and safeguarding risk categories.
 */

export type KeyQuestion = 'safe' | 'effective' | 'caring' | 'responsive' | 'well-led'

export type MajorCategory =
  | 'General'
  | 'Staff'
  | 'Communication & involvement'
  | 'Access to medical care & support'
  | 'Medication'
  | 'Patient journey & service coordination'
  | 'Food & diet'
  | 'Safety, dignity & inclusion'
  | 'Activities'
  | 'Environment & equipment'
  | 'Mental Health specifics'
  | 'Service location, travel & transport'

export interface Theme {
  name: string
  majorCategory: MajorCategory
  keyQuestion: KeyQuestion
}

/** In the column order of the training file. */
export const themes: readonly Theme[] = [
  { name: 'Not assigned', majorCategory: 'General', keyQuestion: 'well-led' },
  { name: 'Organisation & efficiency', majorCategory: 'General', keyQuestion: 'well-led' },
  { name: 'Funding & use of financial resources', majorCategory: 'General', keyQuestion: 'well-led' },
  { name: 'Staff manner & personal attributes', majorCategory: 'Staff', keyQuestion: 'caring' },
  { name: 'Number & deployment of staff', majorCategory: 'Staff', keyQuestion: 'safe' },
  { name: 'Staff responsiveness', majorCategory: 'Staff', keyQuestion: 'responsive' },
  { name: 'Staff continuity', majorCategory: 'Staff', keyQuestion: 'effective' },
  { name: 'Competence & training', majorCategory: 'Staff', keyQuestion: 'effective' },
  { name: 'Unspecified communication', majorCategory: 'Communication & involvement', keyQuestion: 'responsive' },
  { name: 'Staff listening, understanding & involving patients', majorCategory: 'Communication & involvement', keyQuestion: 'caring' },
  { name: 'Information directly from staff during care', majorCategory: 'Communication & involvement', keyQuestion: 'caring' },
  { name: 'Information provision & guidance', majorCategory: 'Communication & involvement', keyQuestion: 'responsive' },
  { name: 'Being kept informed, clarity & consistency of information', majorCategory: 'Communication & involvement', keyQuestion: 'responsive' },
  { name: 'Contacting services', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Appointment arrangements', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Appointment method', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Timeliness of care', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Pain management', majorCategory: 'Medication', keyQuestion: 'effective' },
  { name: 'Diagnosis & triage', majorCategory: 'Patient journey & service coordination', keyQuestion: 'effective' },
  { name: 'Referals & continuity of care', majorCategory: 'Patient journey & service coordination', keyQuestion: 'effective' },
  { name: 'Discharge', majorCategory: 'Patient journey & service coordination', keyQuestion: 'effective' },
  { name: 'Care plans', majorCategory: 'Patient journey & service coordination', keyQuestion: 'effective' },
  { name: 'Patient records', majorCategory: 'Patient journey & service coordination', keyQuestion: 'safe' },
  { name: 'Cleanliness, tidiness & infection control', majorCategory: 'Environment & equipment', keyQuestion: 'safe' },
  { name: 'Provision of medical equipment', majorCategory: 'Environment & equipment', keyQuestion: 'safe' },
  { name: 'Service location', majorCategory: 'Service location, travel & transport', keyQuestion: 'responsive' },
  { name: 'Transport to/ from services', majorCategory: 'Service location, travel & transport', keyQuestion: 'responsive' },
  { name: 'Parking', majorCategory: 'Service location, travel & transport', keyQuestion: 'responsive' },
  { name: 'Electronic entertainment', majorCategory: 'Activities', keyQuestion: 'responsive' },
  { name: 'Feeling safe', majorCategory: 'Safety, dignity & inclusion', keyQuestion: 'safe' },
  { name: 'Patient appearance & grooming', majorCategory: 'Safety, dignity & inclusion', keyQuestion: 'caring' },
  { name: 'Mental Health Act', majorCategory: 'Mental Health specifics', keyQuestion: 'effective' },
  { name: 'Equality, Diversity & Inclusion', majorCategory: 'Safety, dignity & inclusion', keyQuestion: 'responsive' },
  { name: 'Admission', majorCategory: 'Patient journey & service coordination', keyQuestion: 'responsive' },
  { name: 'Safeguarding concerns?', majorCategory: 'Safety, dignity & inclusion', keyQuestion: 'safe' },
  { name: 'Labelling not possible', majorCategory: 'General', keyQuestion: 'well-led' },
  { name: 'Environment & Facilities', majorCategory: 'Environment & equipment', keyQuestion: 'effective' },
  { name: 'Supplying & understanding medication', majorCategory: 'Medication', keyQuestion: 'safe' },
  { name: 'Activities & access to fresh air', majorCategory: 'Activities', keyQuestion: 'responsive' },
  { name: 'Food & drink provision & facilities', majorCategory: 'Food & diet', keyQuestion: 'effective' },
  { name: 'Sensory experience', majorCategory: 'Environment & equipment', keyQuestion: 'effective' },
  { name: 'Impact of treatment/ care', majorCategory: 'Patient journey & service coordination', keyQuestion: 'effective' },
  { name: 'Psychological therapy arrangements', majorCategory: 'Mental Health specifics', keyQuestion: 'responsive' },
  { name: 'Existence of services', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Choice of services', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Out of hours support (community services)', majorCategory: 'Access to medical care & support', keyQuestion: 'responsive' },
  { name: 'Learning organisation', majorCategory: 'General', keyQuestion: 'well-led' },
  { name: 'Interaction with family/ carers', majorCategory: 'Communication & involvement', keyQuestion: 'caring' },
  { name: 'Negative experience & dissatisfaction', majorCategory: 'General', keyQuestion: 'caring' },
  { name: 'Positive experience & gratitude', majorCategory: 'General', keyQuestion: 'caring' },
]

export const themeNames: readonly string[] = themes.map(theme => theme.name)

export type Sentiment = 1 | 2 | 3 | 4 | 5

export { type RiskLevel, riskLevels, riskLevelOrder, higherRiskLevel } from '../vocabulary/riskLevels'
export type { FeedbackQuestion } from '../vocabulary/feedbackQuestions'
export type { OverallExperience } from '../vocabulary/feedbackRecord'

export type RiskCategory =
  | 'physical'
  | 'sexual'
  | 'psychological'
  | 'financial'
  | 'neglect'
  | 'self-neglect'
  | 'discriminatory'
  | 'organisational'
  | 'domestic-abuse'
  | 'modern-slavery'
  | 'risk-to-life'
  | 'unsafe-care'
  | 'unsafe-staffing'
  | 'restraint-seclusion'
  | 'infection-control'
  | 'whistleblowing'

/** Care Act 2014 safeguarding types first, then the regulator's own additions. */
export const riskCategoryLabels: Record<RiskCategory, string> = {
  physical: 'Physical abuse',
  sexual: 'Sexual abuse',
  psychological: 'Psychological or emotional abuse',
  financial: 'Financial or material abuse',
  neglect: 'Neglect and acts of omission',
  'self-neglect': 'Self-neglect',
  discriminatory: 'Discriminatory abuse',
  organisational: 'Organisational abuse',
  'domestic-abuse': 'Domestic abuse',
  'modern-slavery': 'Modern slavery',
  'risk-to-life': 'Risk to life (suicide or self-harm)',
  'unsafe-care': 'Unsafe care or treatment',
  'unsafe-staffing': 'Unsafe staffing',
  'restraint-seclusion': 'Restraint or seclusion',
  'infection-control': 'Infection control',
  whistleblowing: 'Whistleblowing',
}

export const riskCategories = Object.keys(riskCategoryLabels) as RiskCategory[]
