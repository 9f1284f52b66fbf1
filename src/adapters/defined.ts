/** `T` with each property that may be undefined made optional, and never undefined when present. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * `values` without the properties whose value is undefined, in their order: an optional property is
 * absent, never present as undefined (a deep comparison, an outbox entry or a JSON body would tell).
 * Shared by the widget and the relay, so the bodies both send keep one shape.
 */
export function defined<T extends object>(values: T): Defined<T> {
  return Object.fromEntries(Object.entries(values).filter((entry) => entry[1] !== undefined)) as Defined<T>;
}
