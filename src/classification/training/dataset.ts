import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { type FeedbackQuestion, type OverallExperience, themeNames, type Sentiment } from '../taxonomy'

export interface LabelledComment {
  id: string
  text: string
  themes: string[]
  sentiment?: Sentiment
  question: FeedbackQuestion
  overall?: OverallExperience
}

/** The FFT forms' questions by type, as pxtextmining standardises them; any other question is an open one. */
function questionType(asked: string): FeedbackQuestion {
  if (/^what was good/i.test(asked)) return 'what-was-good'
  if (/^(?:how could we improve|what could we do better|is there anything we could have done better)/i.test(asked)) return 'could-improve'
  return 'why'
}

/** The FFT rating (1 very good … 5 very poor; 6 don't know) as the overall view the chat asks for. */
function overallOf(rating: string): OverallExperience | undefined {
  return ({ '1': 'good', '2': 'good', '3': 'mixed', '4': 'bad', '5': 'bad' } as const)[rating as '1']
}

export const defaultTrainingFile = '../shared/data/fft-qdc-v6/train.csv'

export function loadLabelledComments(file: string): LabelledComment[] {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  const comments: LabelledComment[] = []
  for (const row of rows) {
    const text = (row['FFT answer'] ?? '').trim()
    const id = row['Comment ID'] ?? ''
    const themes = themeNames.filter(name => row[name] === '1')
    if (themes.length === 0) continue
    const sentimentValue = Number(row['Comment sentiment'])
    const sentiment = sentimentValue >= 1 && sentimentValue <= 5 ? (sentimentValue as Sentiment) : undefined
    comments.push({ id, text, themes, sentiment, question: questionType(row['FFT question'] ?? ''), overall: overallOf(row['FFT categorical answer'] ?? '') })
  }
  return comments
}

/** A fixed share of comments, chosen by a hash of the comment id, held out for `npm run eval` only. */
export function isHeldOut(id: string, share = 0.2): boolean {
  return fnv1a(`holdout:${id}`) / 0x100000000 < share
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
