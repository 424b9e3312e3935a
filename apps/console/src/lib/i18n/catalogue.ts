/**
 * A catalogue's shape from its Dutch source: the same keys, any text. A feature's English catalogue is
 * typed `Widen<typeof <feature>Nl>`, as the main English catalogue is `Widen<typeof nl>`.
 */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
