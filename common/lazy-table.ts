/** A table whose values are made by their maker at the first read of their key, then kept. */
type LazyTable<T extends Record<string, () => unknown>> = { readonly [K in keyof T]: ReturnType<T[K]> };

/**
 * Each value is made on its first read (an enumerable getter that replaces itself with the value), so
 * `Object.keys` and `table[key]` behave as on a plain object while the values not read cost nothing.
 */
export function lazyTable<T extends Record<string, () => unknown>>(makers: T): LazyTable<T> {
  const table = {} as Record<string, unknown>;
  for (const [key, make] of Object.entries(makers)) {
    Object.defineProperty(table, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = make();
        Object.defineProperty(table, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return table as LazyTable<T>;
}
