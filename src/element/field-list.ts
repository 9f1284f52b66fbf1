/** Whether a `fields` attribute names a field, split as config.ts splits it (spaces or commas). */
export function namesField(fields: string | undefined, name: string): boolean {
  return (fields ?? '').split(/[\s,]+/).includes(name);
}
