/** A page's `searchParams` as Next passes them: each query parameter once, repeated, or absent. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
