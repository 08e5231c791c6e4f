# krait: expect interp_frames >= 1
# async for / async with / async generators in hot loops: __aiter__/
# __anext__ classes, async generators with asend/athrow/aclose, async
# comprehensions, async context managers that suppress, and finalization
# of an async generator abandoned mid-iteration.
import asyncio


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        if self.i % 250 == 0:
            await asyncio.sleep(0)
        return self.i


class ACM:
    def __init__(self, log, suppress):
        self.log, self.suppress = log, suppress

    async def __aenter__(self):
        self.log.append("aenter")
        await asyncio.sleep(0)
        return len(self.log)

    async def __aexit__(self, t, v, tb):
        self.log.append(f"aexit {t.__name__ if t else None}")
        return self.suppress


async def agen(n, log):
    try:
        for i in range(n):
            got = yield i * 2
            if got is not None:
                log.append(("sent", got))
            if i % 300 == 0:
                await asyncio.sleep(0)
    except KeyError as e:
        log.append(("athrow", e.args))
        yield "after-throw"
    finally:
        log.append("agen-finally")


async def main():
    total = 0
    async for v in Ticker(3000):
        total += v
    print("ticker", total)

    log = []
    for i in range(200):
        async with ACM(log, suppress=True) as k:
            if i % 2:
                raise ValueError(k)
    print(log[:6], len(log))

    log = []
    s = 0
    async for v in agen(2000, log):
        s += v
    print("agen", s, log)

    log = []
    g = agen(100, log)
    print(await g.__anext__(), await g.asend("hello"), await g.athrow(KeyError("k")))
    await g.aclose()
    print(log)

    squares = [x * x async for x in Ticker(500) if x % 3 == 0]
    print(len(squares), squares[:5])
    agg = {x: y async for x, y in pairs(300)}
    print(len(agg), sum(agg.values()))

    log = []
    g = agen(1000, log)
    async for v in g:
        if v >= 20:
            break
    await g.aclose()
    print("abandoned", log)


async def pairs(n):
    for i in range(n):
        yield i, i * i


asyncio.run(main())
