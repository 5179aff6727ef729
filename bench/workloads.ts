/**
 * The five workloads, as the exact requests the load generator sends (and the correctness check
 * compares). Read workloads cycle through a fixed list of varied requests; the write workload creates
 * an order, then its three items, for each order it created (wrk's Lua reads the new order's id).
 */
import { accessToken } from "./jwt.js";
import type { SeedSummary } from "./setup.js";

export interface BenchRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ReadWorkload {
  readonly kind: "read";
  readonly id: string;
  readonly title: string;
  readonly requests: readonly BenchRequest[];
}

export interface OrderWorkload {
  readonly kind: "order-with-items";
  readonly id: string;
  readonly title: string;
  /** POST /orders, one per writer; each writer's token creates that order's items too. */
  readonly orders: readonly BenchRequest[];
  readonly tokens: Readonly<Record<number, string>>;
  readonly itemsPerOrder: number;
  readonly products: number;
}

export type Workload = ReadWorkload | OrderWorkload;

/** A deterministic spread of numbers in [1, size], different for each seed. */
function spread(count: number, size: number, seed: number): number[] {
  return Array.from({ length: count }, (_, k) => ((k + 1) * 7919 * seed + seed * 104_729) % size).map(
    (n) => n + 1,
  );
}

/** The generated app's opaque cursor: Python's urlsafe base64 (with padding) of {"after": id}. */
export function cursorAfter(id: number): string {
  return Buffer.from(`{"after": ${id}}`).toString("base64").replaceAll("+", "-").replaceAll("/", "_");
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function orderBody(customer: number): string {
  return JSON.stringify({
    total: "30.00",
    placed_at: "2025-06-01T10:00:00Z",
    shipping_address: "1 Load Street",
    customer_id: customer,
  });
}

export function itemBody(orderId: number, productId: number, quantity: number): string {
  return JSON.stringify({ quantity, unit_price: "9.99", product_id: productId, order_id: orderId });
}

export function buildWorkloads(seed: SeedSummary, jwtSecret: string): Workload[] {
  const token = (user: number) => accessToken(user, jwtSecret);
  const admin = bearer(token(seed.admin));
  const writerTokens: Record<number, string> = {};
  for (const writer of seed.writers) writerTokens[writer.user] = `Bearer ${token(writer.user)}`;
  const json = { "Content-Type": "application/json" };

  const productById: BenchRequest[] = spread(50, seed.products, 3).map((id) => ({
    method: "GET",
    path: `/products/${id}`,
    headers: {},
  }));
  const productPages: BenchRequest[] = [
    { method: "GET", path: "/products?limit=50", headers: {} },
    ...spread(29, seed.products - 100, 5).map(
      (after): BenchRequest => ({
        method: "GET",
        path: `/products?limit=50&cursor=${encodeURIComponent(cursorAfter(after))}`,
        headers: {},
      }),
    ),
  ];
  const userOrders: BenchRequest[] = seed.readers.map((reader) => ({
    method: "GET",
    path: "/orders?limit=50",
    headers: bearer(token(reader)),
  }));
  const filterSort: BenchRequest[] = ["paid", "shipped", "cancelled"].flatMap((status) =>
    ["-total", "placed_at", "-placed_at"].map(
      (sort): BenchRequest => ({
        method: "GET",
        path: `/orders?status=${status}&sort=${sort}&limit=50`,
        headers: admin,
      }),
    ),
  );
  const orders: BenchRequest[] = seed.writers.map((writer) => ({
    method: "POST",
    path: "/orders",
    headers: { ...json, Authorization: writerTokens[writer.user] ?? "" },
    body: orderBody(writer.customer),
  }));

  return [
    { kind: "read", id: "product", title: "get one product by id", requests: productById },
    { kind: "read", id: "products", title: "list products, page of 50 with tags", requests: productPages },
    { kind: "read", id: "orders", title: "list a user's orders with items", requests: userOrders },
    {
      kind: "order-with-items",
      id: "create",
      title: "create an order + 3 items (4 requests)",
      orders,
      tokens: writerTokens,
      itemsPerOrder: 3,
      products: seed.products,
    },
    { kind: "read", id: "filter", title: "filter + sort orders (admin)", requests: filterSort },
  ];
}
