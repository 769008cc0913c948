/** One field where what is declared and what Metronome holds disagree. */
export interface Difference {
  path: string;
  declared: unknown;
  actual: unknown;
}

/**
 * Every leaf where `declared` and `actual` differ, as dotted paths with array
 * indices in brackets (`accessSchedule.scheduleItems[0].amount`). Pure.
 */
export function differences(declared: unknown, actual: unknown, path = ""): Difference[] {
  if (Object.is(declared, actual)) return [];
  if (Array.isArray(declared) && Array.isArray(actual) && declared.length === actual.length) {
    return declared.flatMap((item, index) => differences(item, actual[index], `${path}[${index}]`));
  }
  if (isPlainObject(declared) && isPlainObject(actual)) {
    const keys = [...new Set([...Object.keys(declared), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) => differences(declared[key], actual[key], path === "" ? key : `${path}.${key}`));
  }
  return [{ path, declared, actual }];
}

export function formatDifferences(found: Difference[]): string {
  return found
    .map((d) => `  ${d.path}: declared ${show(d.declared)}, Metronome has ${show(d.actual)}`)
    .join("\n");
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
