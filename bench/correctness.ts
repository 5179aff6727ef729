/**
 * Correctness before speed: every app must answer the benchmark's requests (and a few error cases)
 * with the generated app's status code and JSON body. Bodies are compared as parsed JSON, so only
 * whitespace inside stored JSON columns may differ; rows created by the check differ only in their
 * ids and timestamps, which are masked.
 */
import type { Server } from "./servers.js";
import type { SeedSummary } from "./setup.js";
import { type BenchRequest, cursorAfter, itemBody, type Workload } from "./workloads.js";

export interface Mismatch {
  readonly app: string;
  readonly request: string;
  readonly expected: string;
  readonly actual: string;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

const VOLATILE_KEYS = new Set(["id", "order_id", "created_at", "updated_at"]);

/** JSON with sorted keys; with `mask`, the values of ids and timestamps become placeholders. */
function canonical(value: unknown, mask: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, mask));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [
          key,
          mask && VOLATILE_KEYS.has(key)
            ? "<masked>"
            : canonical((value as Record<string, unknown>)[key], mask),
        ]),
    );
  }
  return value;
}

function normalized(answer: Answer, mask: boolean): string {
  let body: string;
  try {
    body = JSON.stringify(canonical(JSON.parse(answer.body), mask));
  } catch {
    body = answer.body;
  }
  return `${answer.status} ${body}`;
}

async function send(server: Server, request: BenchRequest): Promise<Answer> {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

function describe(request: BenchRequest): string {
  return `${request.method} ${request.path}`;
}

function compare(
  reference: Answer,
  other: Answer,
  app: string,
  request: string,
  mask: boolean,
): Mismatch | undefined {
  const expected = normalized(reference, mask);
  const actual = normalized(other, mask);
  return expected === actual ? undefined : { app, request, expected, actual };
}

/** Requests whose answers are errors: the error shape and status must match too. */
function errorCases(seed: SeedSummary): BenchRequest[] {
  return [
    { method: "GET", path: `/products/${seed.products + 1000}`, headers: {} },
    { method: "GET", path: "/orders", headers: {} },
    { method: "GET", path: "/orders", headers: { Authorization: "Bearer not-a-token" } },
    { method: "GET", path: "/products?cursor=not-a-cursor", headers: {} },
    {
      method: "GET",
      path: `/products?cursor=${encodeURIComponent(cursorAfter(seed.products))}`,
      headers: {},
    },
    { method: "GET", path: "/products?limit=101", headers: {} },
  ];
}

/** Creates an order and its items on every app; the answers must match up to ids and timestamps. */
async function checkOrderCreation(
  servers: readonly Server[],
  workload: Extract<Workload, { kind: "order-with-items" }>,
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const orderRequest = workload.orders[0];
  if (!orderRequest) return mismatches;
  const answers: Answer[][] = [];
  for (const server of servers) {
    const created = await send(server, orderRequest);
    const steps = [created];
    const orderId = created.status === 201 ? (JSON.parse(created.body) as { id: number }).id : 0;
    for (let k = 1; k <= workload.itemsPerOrder; k++) {
      steps.push(
        await send(server, {
          method: "POST",
          path: "/order_items",
          headers: orderRequest.headers,
          body: itemBody(orderId, k * 11, k),
        }),
      );
    }
    answers.push(steps);
  }
  const [reference, ...others] = answers;
  others.forEach((steps, index) => {
    steps.forEach((answer, step) => {
      const expected = reference?.[step];
      const app = servers[index + 1]?.name ?? "?";
      const request = step === 0 ? "POST /orders" : `POST /order_items (#${step})`;
      const mismatch = expected && compare(expected, answer, app, request, true);
      if (mismatch) mismatches.push(mismatch);
    });
  });
  for (const steps of answers) {
    const statuses = steps.map((s) => s.status);
    if (statuses.some((s) => s !== 201)) {
      mismatches.push({ app: "all", request: "order + items", expected: "201s", actual: statuses.join(",") });
    }
  }
  return mismatches;
}

/**
 * Checks servers[1..] against servers[0] (the generated app). At most `perWorkload` requests of each
 * read workload are checked (the lists are deterministic, so the first ones are representative).
 */
export async function checkCorrectness(
  servers: readonly Server[],
  workloads: readonly Workload[],
  seed: SeedSummary,
  perWorkload: number,
): Promise<Mismatch[]> {
  const [reference, ...others] = servers;
  if (!reference) return [];
  const requests = [
    ...workloads.flatMap((w) => (w.kind === "read" ? w.requests.slice(0, perWorkload) : [])),
    ...errorCases(seed),
  ];
  const mismatches: Mismatch[] = [];
  for (const request of requests) {
    const expected = await send(reference, request);
    if (expected.status >= 500) {
      mismatches.push({
        app: reference.name,
        request: describe(request),
        expected: "< 500",
        actual: `${expected.status}`,
      });
    }
    for (const server of others) {
      const mismatch = compare(expected, await send(server, request), server.name, describe(request), false);
      if (mismatch) mismatches.push(mismatch);
    }
  }
  for (const workload of workloads) {
    if (workload.kind === "order-with-items")
      mismatches.push(...(await checkOrderCreation(servers, workload)));
  }
  return mismatches;
}
