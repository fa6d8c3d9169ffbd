import { describe, expect, it } from 'vitest';
import { confidenceOf, DEFAULT_TEMPERATURE, fitTemperature } from './calibrate';

const ex = (gold: string, a: number, b: number) => ({ gold, scores: [{ label: 'a', score: a }, { label: 'b', score: b }] });

describe('confidence calibration', () => {
  it('sharpens the scores of a model that is always right, as far as the number of held-back tickets allows', () => {
    const right = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? ex('a', 0.3, -0.3) : ex('b', -0.3, 0.3)));
    const few = fitTemperature(right(8));
    // right on 8 of 8 is no ground for "99 % sure"
    expect(confidenceOf([0.3, -0.3], 0.3, few)).toBeGreaterThan(0.8);
    expect(confidenceOf([0.3, -0.3], 0.3, few)).toBeLessThan(0.95);
    const many = fitTemperature(right(2000));
    expect(confidenceOf([0.3, -0.3], 0.3, many)).toBeGreaterThan(0.99);
  });
  it('softens the scores of a model that is right half the time', () => {
    const t = fitTemperature(Array.from({ length: 20 }, (_, i) => (i % 2 ? ex('a', 0.5, -0.5) : ex('b', 0.5, -0.5))));
    expect(t).toBeLessThan(1);
    expect(confidenceOf([0.5, -0.5], 0.5, t)).toBeLessThan(0.65);
  });
  it('keeps the default without held-back tickets', () => {
    expect(fitTemperature([])).toBe(DEFAULT_TEMPERATURE);
  });
});
