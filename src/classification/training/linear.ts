/**
 * Sparse matrices and linear learners for the embedded classifier, trained to convergence:
 * an L2-regularised squared-hinge (L2-loss) linear SVM by dual coordinate descent (Hsieh et al. 2008, as in
 * LIBLINEAR), and Platt scaling to turn its scores into probabilities.
 */

/** Rows of a sparse matrix in compressed-row form. */
export interface SparseRows {
  offsets: Int32Array
  indices: Int32Array
  values: Float64Array
  columns: number
}

export function rowCount(matrix: SparseRows): number {
  return matrix.offsets.length - 1
}

export function buildRows(rows: { indices: ArrayLike<number>; values: ArrayLike<number> }[], columns: number): SparseRows {
  const offsets = new Int32Array(rows.length + 1)
  rows.forEach((row, index) => {
    offsets[index + 1] = (offsets[index] as number) + row.indices.length
  })
  const indices = new Int32Array(offsets[rows.length] as number)
  const values = new Float64Array(offsets[rows.length] as number)
  rows.forEach((row, index) => {
    indices.set(row.indices, offsets[index] as number)
    values.set(row.values, offsets[index] as number)
  })
  return { offsets, indices, values, columns }
}

export function selectRows(matrix: SparseRows, rows: readonly number[]): SparseRows {
  return buildRows(rows.map(row => ({
    indices: matrix.indices.subarray(matrix.offsets[row] as number, matrix.offsets[row + 1] as number),
    values: matrix.values.subarray(matrix.offsets[row] as number, matrix.offsets[row + 1] as number),
  })), matrix.columns)
}

export function rowDot(matrix: SparseRows, row: number, weights: Float64Array): number {
  let total = 0
  for (let entry = matrix.offsets[row] as number; entry < (matrix.offsets[row + 1] as number); entry++) {
    total += (matrix.values[entry] as number) * (weights[matrix.indices[entry] as number] as number)
  }
  return total
}

export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffleInPlace(order: Int32Array | number[], random: () => number): void {
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    const held = order[index] as number
    order[index] = order[other] as number
    order[other] = held
  }
}

export interface BinaryLinear {
  weights: Float64Array
  bias: number
}

export interface SvmOptions {
  /** Cost for positive and negative examples (C in LIBLINEAR, times any class weight). */
  positiveCost: number
  negativeCost: number
  /** Value of the constant feature that gives the bias (regularised like any weight, as in LIBLINEAR). */
  biasFeature: number
  maximumIterations: number
  tolerance: number
  random: () => number
  /** Optional per-example cost multipliers. */
  exampleCosts?: Float64Array
}

/**
 * L2-regularised L2-loss linear SVM, dual coordinate descent with shrinking.
 * labels: +1 or -1 per row. Minimises 1/2 |w|^2 + sum C_i max(0, 1 - y_i w.x_i)^2.
 */
export function trainSquaredHingeSvm(matrix: SparseRows, labels: Int8Array, options: SvmOptions): BinaryLinear {
  const rows = rowCount(matrix)
  const weights = new Float64Array(matrix.columns)
  let bias = 0
  const alpha = new Float64Array(rows)
  const diagonal = new Float64Array(rows)
  const squaredNorms = new Float64Array(rows)
  for (let row = 0; row < rows; row++) {
    let total = options.biasFeature * options.biasFeature
    for (let entry = matrix.offsets[row] as number; entry < (matrix.offsets[row + 1] as number); entry++) total += (matrix.values[entry] as number) ** 2
    const cost = (labels[row] === 1 ? options.positiveCost : options.negativeCost) * (options.exampleCosts ? (options.exampleCosts[row] as number) : 1)
    diagonal[row] = 0.5 / cost
    squaredNorms[row] = total + (diagonal[row] as number)
  }
  const order = Int32Array.from({ length: rows }, (_, index) => index)
  let active = rows
  let upperProjected = Infinity
  for (let iteration = 0; iteration < options.maximumIterations; iteration++) {
    let maximumProjected = -Infinity
    let minimumProjected = Infinity
    shuffleInPlace(order.subarray(0, active), options.random)
    for (let position = 0; position < active; position++) {
      const row = order[position] as number
      const label = labels[row] as number
      const gradient = label * (rowDot(matrix, row, weights) + bias * options.biasFeature) - 1 + (alpha[row] as number) * (diagonal[row] as number)
      let projected = 0
      if (alpha[row] === 0) {
        if (gradient > upperProjected) {
          active--
          order[position] = order[active] as number
          order[active] = row
          position--
          continue
        }
        if (gradient < 0) projected = gradient
      } else projected = gradient
      maximumProjected = Math.max(maximumProjected, projected)
      minimumProjected = Math.min(minimumProjected, projected)
      if (Math.abs(projected) > 1e-12) {
        const previous = alpha[row] as number
        const next = Math.max(previous - gradient / (squaredNorms[row] as number), 0)
        alpha[row] = next
        const step = (next - previous) * label
        if (step !== 0) {
          for (let entry = matrix.offsets[row] as number; entry < (matrix.offsets[row + 1] as number); entry++) {
            weights[matrix.indices[entry] as number] += step * (matrix.values[entry] as number)
          }
          bias += step * options.biasFeature
        }
      }
    }
    if (maximumProjected - minimumProjected <= options.tolerance) {
      if (active === rows) break
      active = rows
      upperProjected = Infinity
      continue
    }
    upperProjected = maximumProjected > 0 ? maximumProjected : Infinity
  }
  return { weights, bias: bias * options.biasFeature }
}

/** Platt scaling: slope and intercept so that sigmoid(slope * score + intercept) is a calibrated probability. */
export function plattScaling(scores: ArrayLike<number>, positives: ArrayLike<boolean>): { slope: number; intercept: number } {
  const count = scores.length
  let positiveCount = 0
  for (let index = 0; index < count; index++) if (positives[index]) positiveCount++
  const negativeCount = count - positiveCount
  const high = (positiveCount + 1) / (positiveCount + 2)
  const low = 1 / (negativeCount + 2)
  let slope = 1
  let intercept = 0
  for (let iteration = 0; iteration < 100; iteration++) {
    let gradientSlope = 0
    let gradientIntercept = 0
    let hessianSS = 1e-9
    let hessianSI = 0
    let hessianII = 1e-9
    for (let index = 0; index < count; index++) {
      const score = scores[index] as number
      const target = positives[index] ? high : low
      const probability = 1 / (1 + Math.exp(-(slope * score + intercept)))
      const error = probability - target
      const curvature = Math.max(probability * (1 - probability), 1e-12)
      gradientSlope += error * score
      gradientIntercept += error
      hessianSS += curvature * score * score
      hessianSI += curvature * score
      hessianII += curvature
    }
    const determinant = hessianSS * hessianII - hessianSI * hessianSI
    if (Math.abs(determinant) < 1e-18) break
    const stepSlope = (hessianII * gradientSlope - hessianSI * gradientIntercept) / determinant
    const stepIntercept = (hessianSS * gradientIntercept - hessianSI * gradientSlope) / determinant
    slope -= stepSlope
    intercept -= stepIntercept
    if (Math.abs(stepSlope) + Math.abs(stepIntercept) < 1e-9) break
  }
  return { slope, intercept }
}
