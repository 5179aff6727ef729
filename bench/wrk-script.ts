/**
 * wrk Lua scripts for the workloads. Requests are formatted once per thread in init(); done() prints
 * one machine-readable line (WRK_JSON) with the counts and latency percentiles the report needs.
 */
import type { BenchRequest, OrderWorkload, Workload } from "./workloads.js";

export const RESULT_MARKER = "WRK_JSON ";

/** A Lua string literal (the strings here are ASCII; JSON's escapes are valid Lua escapes). */
function lua(value: string): string {
  return JSON.stringify(value);
}

function luaHeaders(headers: Readonly<Record<string, string>>): string {
  const entries = Object.entries(headers).map(([name, value]) => `[${lua(name)}] = ${lua(value)}`);
  return `{ ${entries.join(", ")} }`;
}

function luaRequest(request: BenchRequest): string {
  const body = request.body === undefined ? "nil" : lua(request.body);
  return `{ ${lua(request.method)}, ${lua(request.path)}, ${luaHeaders(request.headers)}, ${body} }`;
}

const DONE = `
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '${RESULT_MARKER}{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

function cycleScript(requests: readonly BenchRequest[]): string {
  return `
local specs = {
  ${requests.map(luaRequest).join(",\n  ")}
}
local formatted = {}
local next_index = 0

function init(args)
  for k, spec in ipairs(specs) do
    formatted[k] = wrk.format(spec[1], spec[2], spec[3], spec[4])
  end
end

function request()
  next_index = next_index % #formatted + 1
  return formatted[next_index]
end
${DONE}`;
}

/**
 * Creates orders and, for each order created, its items. Items of orders still missing some are sent
 * first, so every order gets all of them; the id and owner come from the create response.
 */
function orderScript(workload: OrderWorkload): string {
  const tokens = Object.entries(workload.tokens).map(([user, value]) => `[${user}] = ${lua(value)}`);
  return `
local specs = {
  ${workload.orders.map(luaRequest).join(",\n  ")}
}
local tokens = { ${tokens.join(", ")} }
local orders = {}
local pending = {}
local sent = 0

function init(args)
  for k, spec in ipairs(specs) do
    orders[k] = wrk.format(spec[1], spec[2], spec[3], spec[4])
  end
end

function request()
  sent = sent + 1
  local top = pending[#pending]
  if top then
    top.left = top.left - 1
    if top.left == 0 then pending[#pending] = nil end
    local body = string.format('{"quantity":%d,"unit_price":"9.99","product_id":%d,"order_id":%s}',
      sent % 5 + 1, (sent * 7919) % ${workload.products} + 1, top.order)
    return wrk.format("POST", "/order_items",
      { ["Content-Type"] = "application/json", ["Authorization"] = tokens[top.owner] }, body)
  end
  return orders[sent % #orders + 1]
end

function response(status, headers, body)
  if status == 201 then
    local id, owner = body:match('^{"id":(%d+),"status".-"owner_id":(%d+)')
    if id then
      pending[#pending + 1] = { order = id, owner = tonumber(owner), left = ${workload.itemsPerOrder} }
    end
  end
end
${DONE}`;
}

export function wrkScript(workload: Workload): string {
  return workload.kind === "read" ? cycleScript(workload.requests) : orderScript(workload);
}
