/**
 * The `steps` attribute: groups of field names separated by `|`, asked one group at a time
 * (DESIGN.md, "Questions and steps"). `"zip_code debt_amount | first_name last_name | email mobile"`
 * is three steps, ZIP first, the form's best-converting order.
 */
export interface ParsedSteps {
  /** The names of each step, in order; always at least one step when the form has fields. */
  readonly steps: readonly (readonly string[])[];
  /** Names the page wrote that the form does not ask, or asked twice: worth a console warning. */
  readonly warnings: readonly string[];
}

/**
 * Splits `list` into steps of the names the form shows (`fields`, catalogue keys and questions alike).
 * Names not in `fields` are dropped with a warning; a name in two steps stays in the first; empty
 * steps vanish; fields named in no step join the last one, in the order of `fields`. Within a step,
 * the step's own order holds. Without steps, the whole form is one step.
 */
export function parseSteps(list: string, fields: readonly string[]): ParsedSteps {
  const warnings: string[] = [];
  const placed = new Set<string>();
  const steps: string[][] = [];
  for (const group of list.split('|')) {
    const step: string[] = [];
    for (const name of group.split(/[\s,]+/).filter(Boolean)) {
      if (!fields.includes(name)) warnings.push(`step field "${name}" is not in fields; ignored`);
      else if (placed.has(name)) warnings.push(`step field "${name}" is in more than one step; kept in the first`);
      else {
        placed.add(name);
        step.push(name);
      }
    }
    if (step.length > 0) steps.push(step);
  }
  const rest = fields.filter((name) => !placed.has(name));
  if (steps.length === 0) return { steps: fields.length > 0 ? [[...fields]] : [], warnings };
  steps[steps.length - 1]!.push(...rest);
  return { steps, warnings };
}
