export interface ThemeScores {
  microF1: number
  macroF1: number
  macroLabels: number
  perLabel: { label: string; support: number; f1: number }[]
}

export function themeScores(actual: string[][], predicted: string[][], labels: readonly string[], minimumSupport = 10): ThemeScores {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  const perLabel = labels.map(label => {
    let labelTrue = 0
    let labelFalse = 0
    let labelMissed = 0
    actual.forEach((actualThemes, index) => {
      const isActual = actualThemes.includes(label)
      const isPredicted = (predicted[index] as string[]).includes(label)
      if (isActual && isPredicted) labelTrue++
      else if (isPredicted) labelFalse++
      else if (isActual) labelMissed++
    })
    truePositives += labelTrue
    falsePositives += labelFalse
    falseNegatives += labelMissed
    return { label, support: labelTrue + labelMissed, f1: f1(labelTrue, labelFalse, labelMissed) }
  })
  const macroSet = perLabel.filter(entry => entry.support >= minimumSupport)
  return {
    microF1: f1(truePositives, falsePositives, falseNegatives),
    macroF1: macroSet.reduce((total, entry) => total + entry.f1, 0) / Math.max(1, macroSet.length),
    macroLabels: macroSet.length,
    perLabel,
  }
}

export function classScores(actual: number[], predicted: number[], classes: number[]): { accuracy: number; macroF1: number } {
  const correct = actual.filter((value, index) => value === predicted[index]).length
  const perClass = classes.map(value => {
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    actual.forEach((actualValue, index) => {
      const predictedValue = predicted[index]
      if (actualValue === value && predictedValue === value) truePositives++
      else if (predictedValue === value) falsePositives++
      else if (actualValue === value) falseNegatives++
    })
    return f1(truePositives, falsePositives, falseNegatives)
  })
  return { accuracy: correct / Math.max(1, actual.length), macroF1: perClass.reduce((total, value) => total + value, 0) / classes.length }
}

function f1(truePositives: number, falsePositives: number, falseNegatives: number): number {
  return truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives)
}
