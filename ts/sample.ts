/**
 * Calling the Fastn API from TypeScript with nothing but `fetch` and the generated types.
 *
 * `fastn.d.ts` is generated from `openapi/fastn.yaml` by openapi-typescript (`make types`);
 * it holds types only, so this file is the whole "client": a typed `request` helper, two
 * operations, and a pager over the `{data, nextCursor}` list envelope. Every request and
 * response type is looked up in the generated `operations` / `components` interfaces, so a
 * spec change that breaks this code fails `tsc` in `make test`.
 *
 * The workspace (`x-fastn-space-id`), tenant (`x-fastn-space-tenantid`) and `stage` are
 * client-wide settings in the spec (header security schemes, not per-call parameters), so
 * they live in `FastnConfig` and are sent on every request, next to `x-fastn-api-key`.
 */
import type { components, operations } from "./fastn";

export type Customer = components["schemas"]["Customer"];
export type CustomerCreate = operations["createCustomer"]["requestBody"]["content"]["application/json"];
export type CustomerList = operations["listCustomers"]["responses"][200]["content"]["application/json"];
export type ListCustomersQuery = NonNullable<operations["listCustomers"]["parameters"]["query"]>;
/** The one error body of every 4xx and 5xx answer. */
export type ApiError = components["schemas"]["Error"];

export interface FastnConfig {
  /** The API key (`fsk_test_…` or `fsk_live_…`), sent as `x-fastn-api-key`. */
  apiKey: string;
  /** The workspace, sent as `x-fastn-space-id`: with the key, a complete request. */
  spaceId: string;
  /** The tenant (e.g. `tenant_customer_123`), sent as `x-fastn-space-tenantid` only for multi-tenant workspaces. */
  tenantId?: string;
  /** `DRAFT`, or a live environment's name, sent as `stage` when set. */
  stage?: string;
  /** Defaults to the production server of the spec. */
  baseUrl?: string;
  /** Injected in tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** What every response carries (the spec documents these headers on every status). */
export interface RateLimit {
  limit: components["headers"]["XRateLimitLimit"];
  remaining: components["headers"]["XRateLimitRemaining"];
  /** Unix time, in seconds, when the window resets. */
  reset: components["headers"]["XRateLimitReset"];
}

/** A non-2xx answer, with the documented `Error` body and, on 429, how long to wait. */
export class FastnApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
    readonly retryAfterSeconds: components["headers"]["RetryAfter"] | undefined,
  ) {
    // No field of the Error body is guaranteed: the docs' real 400 has no `message`, the SDK reads `error`.
    super(`${status} ${body.code ?? body.error ?? "ERROR"}: ${body.message ?? body.error ?? "no message"}`);
    this.name = "FastnApiError";
  }
}

const DEFAULT_BASE_URL = "https://live.fastn.ai";

function rateLimit(headers: Headers): RateLimit {
  return {
    limit: Number(headers.get("X-RateLimit-Limit")),
    remaining: Number(headers.get("X-RateLimit-Remaining")),
    reset: Number(headers.get("X-RateLimit-Reset")),
  };
}

async function request<T>(
  config: FastnConfig,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  options: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
): Promise<{ data: T; rateLimit: RateLimit }> {
  const url = new URL(path, config.baseUrl ?? DEFAULT_BASE_URL);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = {
    "x-fastn-api-key": config.apiKey,
    "x-fastn-space-id": config.spaceId,
    Accept: "application/json",
  };
  if (config.tenantId !== undefined) headers["x-fastn-space-tenantid"] = config.tenantId;
  if (config.stage !== undefined) headers["stage"] = config.stage;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await (config.fetch ?? fetch)(url, init);
  if (!response.ok) {
    const body = (await response.json()) as ApiError;
    const retryAfter = response.headers.get("Retry-After");
    throw new FastnApiError(response.status, body, retryAfter === null ? undefined : Number(retryAfter));
  }
  const data = response.status === 204 ? undefined : await response.json();
  return { data: data as T, rateLimit: rateLimit(response.headers) };
}

/** `GET /api/v1/customers`: one page of customers. */
export async function listCustomers(config: FastnConfig, query: ListCustomersQuery = {}): Promise<CustomerList> {
  const { data } = await request<CustomerList>(config, "GET", "/api/v1/customers", {
    query: { limit: query.limit, cursor: query.cursor },
  });
  return data;
}

/** Every customer, following `nextCursor` until it is null. */
export async function* allCustomers(config: FastnConfig, pageSize = 100): AsyncGenerator<Customer> {
  let cursor: string | undefined;
  do {
    const page = await listCustomers(config, cursor === undefined ? { limit: pageSize } : { limit: pageSize, cursor });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** `POST /api/v1/customers`: the created customer, or a FastnApiError (409 if the slug is taken). */
export async function createCustomer(config: FastnConfig, customer: CustomerCreate): Promise<Customer> {
  const { data } = await request<Customer>(config, "POST", "/api/v1/customers", { body: customer });
  return data;
}

/** Example: print every customer's slug and plan, and explain an API error. */
export async function main(config: FastnConfig): Promise<void> {
  try {
    for await (const customer of allCustomers(config)) {
      console.log(`${customer.slug}\t${customer.plan}\t${customer.status}`);
    }
  } catch (error) {
    if (error instanceof FastnApiError && error.status === 429) {
      console.error(`rate limited; retry in ${error.retryAfterSeconds ?? 60} s (request ${error.body.requestId})`);
    } else if (error instanceof FastnApiError) {
      for (const detail of error.body.details ?? []) console.error(`${detail.field}: ${detail.message}`);
      throw error;
    } else {
      throw error;
    }
  }
}
