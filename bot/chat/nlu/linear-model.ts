import { createIntTable, lookup } from './int-table.ts';
import type { IntTable } from './int-table.ts';

/**
 * Multinomial logistic regression over hashed binary features, trained with AdaGrad and L2
 * regularisation in a fixed order (deterministic: the same corpus always gives the same model).
 * Small enough to train at start-up from the corpus in the repository: no downloaded weights.
 */
export type Example = { features: readonly number[]; label: number };
export type TrainOptions = { epochs: number; learningRate: number; l2: number; minGradient?: number; minCount?: number };

export type LinearModel = {
  classes: number;
  /** Feature hash → row in `weights`. Features never seen in training are ignored. */
  rows: IntTable;
  /**
   * Weights quantised to bytes (× `weightScale`), which keeps the model small enough to stay in
   * cache, then packed three classes to a number for prediction (see packWeights).
   */
  packed: Float64Array;
  weightScale: number;
  bias: Float32Array;
};

export const defaultTrainOptions: TrainOptions = { epochs: 12, learningRate: 0.4, l2: 1e-5 };

export function trainLinearModel(examples: readonly Example[], classes: number, options: TrainOptions = defaultTrainOptions): LinearModel {
  // A feature seen in one message only says nothing general: leaving it out keeps the model small
  // enough to stay in the processor's cache, which is most of its speed.
  const seen = new Map<number, number>();
  for (const e of examples) for (const f of new Set(e.features)) seen.set(f, (seen.get(f) ?? 0) + 1);
  const rows = new Map<number, number>();
  for (const [f, count] of seen) if (count >= (options.minCount ?? 2)) rows.set(f, rows.size);
  const weights = new Float32Array(rows.size * classes);
  const bias = new Float32Array(classes);
  const squared = new Float32Array(rows.size * classes).fill(1e-6);
  const biasSquared = new Float32Array(classes).fill(1e-6);
  const encoded = examples.map((e) => Int32Array.from(e.features.flatMap((f) => rows.get(f) ?? [])));
  const order = examples.map((_, i) => i);
  const random = seededRandom(7);
  const probabilities = new Float32Array(classes);
  const minGradient = options.minGradient ?? 1e-3;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const features = encoded[index];
      const label = examples[index]?.label;
      if (!features || label === undefined) continue;
      const scale = 1 / Math.sqrt(Math.max(1, features.length));
      predictRows(classes, weights, bias, features, scale, probabilities);
      for (let c = 0; c < classes; c++) {
        const gradient = (probabilities[c] ?? 0) - (c === label ? 1 : 0);
        // Classes the example already rules out barely move: skipping them makes training much faster.
        if (Math.abs(gradient) < minGradient) continue;
        const b = (biasSquared[c] ?? 0) + gradient * gradient;
        biasSquared[c] = b;
        bias[c] = (bias[c] ?? 0) - (options.learningRate * gradient) / Math.sqrt(b);
        const g0 = gradient * scale;
        for (let k = 0; k < features.length; k++) {
          const at = (features[k] ?? 0) * classes + c;
          const w = weights[at] ?? 0;
          const g = g0 + options.l2 * w;
          const sq = (squared[at] ?? 0) + g * g;
          squared[at] = sq;
          weights[at] = w - (options.learningRate * g) / Math.sqrt(sq);
        }
      }
    }
  }
  const { weights: bytes, weightScale } = quantise(weights);
  return { classes, rows: createIntTable(rows, rows.size), packed: packWeights(bytes, rows.size, classes), weightScale, bias };
}

function quantise(weights: Float32Array): { weights: Int8Array; weightScale: number } {
  let max = 1e-9;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const weightScale = max / 127;
  return { weights: Int8Array.from(weights, (w) => Math.round(w / weightScale)), weightScale };
}

/** Class probabilities for one message's features (written into `out` when given). */
export function predictLinearModel(model: LinearModel, features: readonly number[], out = new Float32Array(model.classes)): Float32Array {
  const { classes, packed, bias, rows } = model;
  const groups = Math.ceil(classes / perLane);
  const scale = 1 / Math.sqrt(Math.max(1, features.length));
  const sums = scratch(classes, groups);
  let counted = 0;
  for (let k = 0; k < features.length; k++) {
    const row = lookup(rows, features[k] ?? 0);
    if (row < 0) continue;
    const base = row * groups;
    for (let g = 0; g < groups; g++) lanes[g] = (lanes[g] ?? 0) + (packed[base + g] ?? 0);
    if (++counted === lanesFull) counted = unpack(sums, classes, groups, counted);
  }
  unpack(sums, classes, groups, counted);
  const factor = scale * model.weightScale;
  for (let c = 0; c < classes; c++) out[c] = (bias[c] ?? 0) + (sums[c] ?? 0) * factor;
  return softmax(out, classes);
}

/**
 * Each row's byte weights, offset to 1..255 and packed three to a double in 17-bit lanes, so one
 * addition sums three classes: the model's inner loop is a third as long. Sums of at most
 * `lanesFull` rows stay below 2^17 per lane and the whole below 2^53: every step is exact, so the
 * result is the same as adding the bytes one by one.
 */
function packWeights(weights: Int8Array, rows: number, classes: number): Float64Array {
  const groups = Math.ceil(classes / perLane);
  const packed = new Float64Array(rows * groups);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < classes; c++) {
      const at = r * groups + Math.floor(c / perLane);
      packed[at] = (packed[at] ?? 0) + ((weights[r * classes + c] ?? 0) + offset) * laneBase ** (c % perLane);
    }
  }
  return packed;
}

const perLane = 3;
const laneBase = 2 ** 17;
const offset = 128;
/** Rows summed before the lanes are unpacked: 512 × 255 < 2^17. */
const lanesFull = 512;
let lanes = new Float64Array(8);
let sums = new Float64Array(32);

function scratch(classes: number, groups: number): Float64Array {
  if (lanes.length < groups) lanes = new Float64Array(groups);
  if (sums.length < classes) sums = new Float64Array(classes);
  lanes.fill(0, 0, groups);
  sums.fill(0, 0, classes);
  return sums;
}

/** Adds the packed lanes' sums of `counted` rows into `sums` and clears them; returns 0. */
function unpack(into: Float64Array, classes: number, groups: number, counted: number): number {
  for (let g = 0; g < groups; g++) {
    let v = lanes[g] ?? 0;
    for (let j = 0; j < perLane; j++) {
      const lane = v % laneBase;
      v = (v - lane) / laneBase;
      const c = g * perLane + j;
      if (c < classes) into[c] = (into[c] ?? 0) + lane - offset * counted;
    }
    lanes[g] = 0;
  }
  return 0;
}

function predictRows(classes: number, weights: Float32Array, bias: Float32Array, rows: ArrayLike<number>, scale: number, out: Float32Array): Float32Array {
  for (let c = 0; c < classes; c++) out[c] = bias[c] ?? 0;
  for (let k = 0; k < rows.length; k++) {
    const base = (rows[k] ?? 0) * classes;
    for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) + (weights[base + c] ?? 0) * scale;
  }
  return softmax(out, classes);
}

function softmax(out: Float32Array, classes: number): Float32Array {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, out[c] ?? 0);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((out[c] ?? 0) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) / sum;
  return out;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
}
