import type { components, paths } from './schema';

// Names for the parts of the generated contract (schema.d.ts, from the server's OpenAPI document:
// `npm run api:types`). The console's API types are aliases of these, never restated by hand.

/** A named schema of the document (components.schemas). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

export type ApiPath = keyof paths;
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success = 200 | 201 | 202;

/** The JSON body of the operation's successful answer (200, 201 or 202). */
export type Answer<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? { [C in keyof R & Success]: Json<R[C]> }[keyof R & Success] : never;

/** The operation's JSON request body. */
export type Body<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The operation's query parameters. */
export type Query<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a list type. */
export type Item<L> = L extends readonly (infer T)[] ? T : never;

/**
 * The values of a union as a list, checked at compile time to name every member and nothing else:
 * `const STATUSES = allOf<Status>()(['new', …])` fails to compile when the server adds a status.
 */
export const allOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> })): A =>
    values;
