// How well a classifier knows when it does not know: test items carrying the unknown label are out of
// scope (the model never saw that label); the model answers with the unknown label when it finds a
// text unlike every class it knows.

export interface UnknownScores {
  /** out-of-scope items answered "unknown", of all out-of-scope items */
  oos_recall: number;
  /** out-of-scope items among all answered "unknown" (0 when none was) */
  oos_precision: number;
  /** in-scope items given their own label (an "unknown" answer counts as wrong) */
  in_scope_accuracy: number;
}

export function scoreUnknown(gold: string[], predicted: string[], unknownLabel: string): UnknownScores {
  let caught = 0;
  let answeredUnknown = 0;
  let outOfScope = 0;
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === unknownLabel) answeredUnknown++;
    if (g === unknownLabel) {
      outOfScope++;
      if (p === unknownLabel) caught++;
    } else if (p === g) right++;
  });
  const inScope = gold.length - outOfScope;
  return {
    oos_recall: outOfScope ? caught / outOfScope : 0,
    oos_precision: answeredUnknown ? caught / answeredUnknown : 0,
    in_scope_accuracy: inScope ? right / inScope : 0,
  };
}
