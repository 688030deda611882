/**
 * Compile-time proof that the generated types are precise, not `any`.
 *
 * `tsc` reports an error for every `@ts-expect-error` line that does *not* contain a type
 * error, so each line below must stay wrong: if `fastn.d.ts` ever degraded to loose types
 * (or the spec lost these fields), `make test` would fail here. Nothing in this file runs.
 */
import type { ApiError, Customer, CustomerCreate, CustomerList, ListCustomersQuery } from "./sample";

export function typeChecks(list: CustomerList, error: ApiError): void {
  // @ts-expect-error -- the list envelope is {data, nextCursor}; there is no `items`.
  void list.items;
  // @ts-expect-error -- `nextCursor` is null on the last page.
  const cursor: string = list.nextCursor;
  // @ts-expect-error -- a request enum is closed: `plan` is one of the listed plans, not any string.
  const plan: CustomerCreate["plan"] = "platinum";
  // A response enum is open: a value the spec does not list yet is still a string the code must handle.
  const status: Customer["status"] = "deleted";
  // @ts-expect-error -- `code` is a string.
  const code: number = error.code;
  // @ts-expect-error -- `limit` is a number.
  const query: ListCustomersQuery = { limit: "20" };
  // @ts-expect-error -- `name`, `slug` and `adminEmail` are required to create a customer.
  const create: CustomerCreate = { name: "Acme" };
  void [cursor, plan, status, code, query, create];
}
