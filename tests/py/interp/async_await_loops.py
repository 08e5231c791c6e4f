# krait: expect interp_frames >= 1
# Coroutines driven by asyncio.run with hot loops: await in a loop,
# gather of many tasks, exceptions propagating through awaits, cancellation
# caught in a loop, and a coroutine driven by hand with send()/throw().
import asyncio


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
        if i % 500 == 0:
            await asyncio.sleep(0)
    return total


async def worker(name, n, log):
    acc = 0
    for i in range(n):
        acc += i
        if i % 100 == 0:
            await asyncio.sleep(0)
            log.append((name, i))
    return name, acc


async def failing(k):
    for i in range(k):
        await asyncio.sleep(0)
    raise ValueError(f"failed after {k}")


async def cancellable(log):
    i = 0
    try:
        while True:
            await asyncio.sleep(0)
            i += 1
    except asyncio.CancelledError:
        log.append(("cancelled-at-least", i > 0))
        raise


async def main():
    print(await chain(5000))
    log = []
    res = await asyncio.gather(*(worker(f"w{k}", 300 + k, log) for k in range(4)))
    print(res)
    print(log[:8], len(log))
    results = await asyncio.gather(failing(3), add(1, 2), failing(1), return_exceptions=True)
    print([repr(r) for r in results])
    try:
        await failing(5)
    except ValueError as e:
        print("caught", e)
    clog = []
    task = asyncio. create_task(cancellable(clog))
    for _ in range(10):
        await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled", clog, task.cancelled())
    total = 0
    for i in range(2000):
        total += await add(i, i)
    print(total)


asyncio.run(main())


class Yielder:
    def __await__(self):
        for i in range(3):
            got = yield ("step", i)
            print("awaitable got", got)
        return "awaitable-done"


async def manual():
    results = []
    for k in range(3):
        results.append(await Yielder())
    try:
        await Yielder()
    except KeyError as e:
        results.append(("caught", e.args))
    return results


coro = manual()
out = [coro.send(None)]
try:
    n = 0
    while True:
        n += 1
        if n == 10:
            out.append(coro.throw(KeyError("thrown")))
        else:
            out.append(coro.send(n))
except StopIteration as e:
    print(out)
    print(e.value)


async def uncaught():
    for i in range(100):
        await asyncio.sleep(0) if i % 50 == 0 else None
    raise RuntimeError("async uncaught")


asyncio.run(uncaught())
