import { describe, expect, it } from 'vitest';
import { lookup } from './int-table.ts';
import { predictLinearModel, trainLinearModel } from './linear-model.ts';
import type { LinearModel } from './linear-model.ts';

const classes = 7; // not a multiple of three: the last packed number holds one class

/** A small model over features 1..40, each pointing at one class (feature % classes). */
function smallModel(): LinearModel {
  const examples = [];
  for (let i = 0; i < 400; i++) {
    const label = i % classes;
    examples.push({ features: [label + 1, label + 1 + classes, label + 1 + 2 * classes, 100 + (i % 13), 200 + (i % 5)], label });
  }
  return trainLinearModel(examples, classes);
}

/** The model's byte weights for one row, unpacked one lane at a time: the plain sum to compare with. */
function rowBytes(model: LinearModel, row: number): number[] {
  const groups = Math.ceil(classes / 3);
  const bytes: number[] = [];
  for (let g = 0; g < groups; g++) {
    let v = model.packed[row * groups + g] ?? 0;
    for (let j = 0; j < 3; j++) {
      bytes.push((v % 2 ** 17) - 128);
      v = Math.floor(v / 2 ** 17);
    }
  }
  return bytes.slice(0, classes);
}

function plainPrediction(model: LinearModel, features: number[]): number[] {
  const sums = new Array<number>(classes).fill(0);
  for (const f of features) {
    const row = lookup(model.rows, f);
    if (row >= 0) rowBytes(model, row).forEach((w, c) => (sums[c] = (sums[c] ?? 0) + w));
  }
  const factor = (1 / Math.sqrt(Math.max(1, features.length))) * model.weightScale;
  const out = Float32Array.from(sums, (s, c) => (model.bias[c] ?? 0) + s * factor);
  const max = Math.max(...out);
  const e = Array.from(out, (x) => Math.exp(x - max));
  const total = e.reduce((a, b) => a + b, 0);
  // As the model does it: each exponential kept as a float32, their sum as a double.
  return e.map((x) => Math.fround(Math.fround(x) / total));
}

describe('predictLinearModel', () => {
  const model = smallModel();

  it('learns the classes it was shown', () => {
    const p = predictLinearModel(model, [3, 3 + classes]);
    expect(p.indexOf(Math.max(...p))).toBe(2);
  });

  it('keeps every byte weight within the packed lanes (1..255 once offset)', () => {
    for (let row = 0; row < model.rows.size; row++) for (const w of rowBytes(model, row)) expect(Math.abs(w)).toBeLessThanOrEqual(127);
  });

  // Long messages sum more rows than a lane holds before it is unpacked (512): the result must be
  // the plain sum all the same, to the last bit.
  it.each([0, 1, 5, 511, 512, 513, 1500, 4000])('equals the plain sum of byte weights for %i features', (count) => {
    const features = Array.from({ length: count }, (_, i) => ((i * 7) % 45) + 1);
    expect(Array.from(predictLinearModel(model, features))).toEqual(plainPrediction(model, features));
  });
});
