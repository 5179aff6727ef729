"""Instructions an app spends per request, counted in process by callgrind (`npm run bench -- --only instructions`).

Run under `valgrind --tool=callgrind --instr-atstart=no`: requests go straight to the ASGI app (no server,
no sockets to the client), each workload warms up uninstrumented, then callgrind counts its measured
requests and dumps the count under the workload's name. The count is the same on every run, whatever else
the machine does, which req/s on a shared machine is not.

    python instructions.py MODULE:APP WORKLOADS_JSON LIBCALLGRIND_SO
"""

import asyncio
import ctypes
import importlib
import json
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import uvloop

App = Callable[..., Awaitable[None]]
Send = Callable[[App, int], Awaitable[int]]


async def call(app: App, method: str, path: str, headers: dict[str, str], body: str = "") -> tuple[int, bytes]:
    """One HTTP request through the app: its status and body."""
    target, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": target,
        "raw_path": target.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    pending = [{"type": "http.request", "body": body.encode(), "more_body": False}]
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop()
        await asyncio.Event().wait()  # the client stays connected until the response is sent
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def start(app: App) -> None:
    """The app's lifespan start-up (pools, settings), as a server would run it."""
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    asyncio.get_running_loop().create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, outbox.put))
    message = await outbox.get()
    if message["type"] != "lifespan.startup.complete":
        raise SystemExit(f"lifespan start-up failed: {message}")


def read_requests(workload: dict[str, Any]) -> Send:
    """Request k of a read workload; returns how many requests it sent."""
    requests = workload["requests"]

    async def send(app: App, k: int) -> int:
        request = requests[k % len(requests)]
        status, _ = await call(app, request["method"], request["path"], request["headers"], request.get("body", ""))
        if status != 200:
            raise SystemExit(f"{workload['id']}: {request['path']} answered {status}")
        return 1

    return send


def order_requests(workload: dict[str, Any]) -> Send:
    """Iteration k of the create workload: an order, then its items; returns how many requests it sent."""
    orders = workload["orders"]

    async def send(app: App, k: int) -> int:
        order = orders[k % len(orders)]
        status, body = await call(app, "POST", order["path"], order["headers"], order["body"])
        if status != 201:
            raise SystemExit(f"create: POST /orders answered {status}: {body[:200]!r}")
        order_id = json.loads(body)["id"]
        for n in range(workload["itemsPerOrder"]):
            product = (k * 7 + n) % workload["products"] + 1
            item = {"quantity": n + 1, "unit_price": "9.99", "product_id": product, "order_id": order_id}
            status, body = await call(app, "POST", "/order_items", order["headers"], json.dumps(item))
            if status != 201:
                raise SystemExit(f"create: POST /order_items answered {status}: {body[:200]!r}")
        return 1 + workload["itemsPerOrder"]

    return send


async def main(target: str, workloads_file: str, library: str) -> None:
    module, _, name = target.partition(":")
    app = getattr(importlib.import_module(module), name)
    callgrind = ctypes.CDLL(library)
    with open(workloads_file) as file:
        plan = json.load(file)
    await start(app)
    for workload in plan["workloads"]:
        send = (order_requests if workload["kind"] == "order-with-items" else read_requests)(workload)
        for k in range(plan["warmup"]):
            await send(app, k)
        sent = 0
        callgrind.instructions_start()
        for k in range(plan["warmup"], plan["warmup"] + plan["iterations"]):
            sent += await send(app, k)
        callgrind.instructions_stop(f"{workload['id']} {sent}".encode())


if __name__ == "__main__":
    uvloop.run(main(*sys.argv[1:4]))
