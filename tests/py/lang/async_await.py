# asyncio: coroutines, tasks and gather ordering, queues, events, locks,
# async generators / comprehensions, async with, cancellation, timeouts via
# wait_for with no real waiting, and exception propagation from tasks.
import asyncio

trace = []


async def worker(name, n):
    total = 0
    for i in range(n):
        total += i
        if i % 1000 == 0:
            trace.append(f"{name}@{i}")
            await asyncio.sleep(0)
    return name, total


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    s = 0
    while (item := await q.get()) is not None:
        s += item * item
    return s


class Conn:
    def __init__(self):
        self.log = []

    async def __aenter__(self):
        self.log.append("open")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append(f"close {et.__name__ if et else None}")
        return False


async def countdown(n):
    while n > 0:
        yield n
        await asyncio.sleep(0)
        n -= 1


async def ticker(ev, log):
    log.append("waiting")
    await ev.wait()
    log.append("released")


async def failing(x):
    await asyncio.sleep(0)
    raise ValueError(f"bad {x}")


async def forever():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        trace.append("cancelled cleanly")
        raise


async def main():
    results = await asyncio.gather(worker("a", 3000), worker("b", 2000), worker("c", 4000))
    print("gather", results)
    print("interleaving", trace)
    trace.clear()

    q = asyncio.Queue(maxsize=10)
    _, squares = await asyncio.gather(producer(q, 3000), consumer(q))
    print("queue sum of squares", squares)

    async with Conn() as c:
        c.log.append("using")
    try:
        async with Conn() as c2:
            raise KeyError("k")
    except KeyError:
        pass
    print("async with", c.log, c2.log)

    print("async gen", [v async for v in countdown(5)])
    total = 0
    async for v in countdown(3000):
        total += v
    print("async for total", total)

    ev = asyncio.Event()
    log = []
    t = asyncio.create_task(ticker(ev, log))
    await asyncio.sleep(0)
    log.append("setting")
    ev.set()
    await t
    print("event", log)

    lock = asyncio.Lock()
    shared = []

    async def critical(i):
        async with lock:
            shared.append(i)
            await asyncio.sleep(0)
            shared.append(-i)

    await asyncio.gather(*(critical(i) for i in range(1, 5)))
    print("lock", shared)

    res = await asyncio.gather(failing(1), worker("ok", 10), return_exceptions=True)
    print("return_exceptions", [repr(r) for r in res])
    try:
        await asyncio.gather(failing(2), worker("ok2", 10))
    except ValueError as e:
        print("gather raised", e)

    task = asyncio.create_task(forever())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled(), trace)

    try:
        await asyncio.wait_for(forever(), timeout=0)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    async def agen_sum(n):
        return sum([x async for x in countdown(n) if x % 2])

    print("async comprehension", await agen_sum(100))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("tg1"))
            tg.create_task(failing("tg2"))
    except* ValueError as eg:
        print("TaskGroup errors", sorted(str(e) for e in eg.exceptions))

    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "future done")
    print(await fut)
    return "main done"


print(asyncio.run(main()))
