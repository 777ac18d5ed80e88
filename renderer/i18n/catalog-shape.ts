/**
 * The shape another language's catalog must have: every key of the English one, strings at the leaves.
 * `satisfies CatalogShape<typeof enUi>` makes a missing (or a stray) key a tsc error, so a key added to English
 * by anyone fails the typecheck until it is translated.
 */
export type CatalogShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
