"""Task-scheduler simulation in the spirit of Richards' OS benchmark (an
original design, not a port): a tiny priority-scheduled kernel runs task
objects that exchange packets through intrusive linked-list mailboxes.

  producer  -- makes JOB packets (payload from a seeded LCG), limited by a
               pool of credits, and deals them round-robin to the workers
  workers   -- digest a job's payload (Fletcher-style checksum), ask their disk
               to "store" it with an IO_REQUEST, and on IO_DONE forward the
               job as a RESULT to the sink
  disks     -- serve one request at a time; a request occupies the disk for a
               seek time that depends on the distance the head has to travel
  sink      -- folds each result into running totals and returns the packet
               to the producer as a CREDIT
  monitor   -- wakes every few clock ticks and samples every mailbox length
  clock     -- the idle task: runs only while some disk is seeking and
               advances simulated time by one tick

Each scheduler step picks the highest-priority ready task by scanning the
task list and calling its ready() method, so the hot path is method calls,
attribute loads/stores and small-int arithmetic on ordinary class instances.

Self-check: the sink's totals must equal ones computed directly from the LCG
stream (no scheduler involved); exactly 5 messages per job must be sent; every
packet must be back in the free list at the end; and packet recycling must
keep allocations within the in-flight bound (2 packets per credit).
"""

import sys

JOBS = 50_000
PAYLOAD = 12
WORKERS = 3
DISKS = 2
CREDITS = 5
MONITOR_PERIOD = 50
SEED = 2024

JOB, IO_REQUEST, IO_DONE, RESULT, CREDIT = range(5)


def lcg(seed):
    return (seed * 1103515245 + 12345) & 0x7FFFFFFF


class Packet:
    def __init__(self):
        self.kind = JOB
        self.sender = None
        self.value = 0
        self.ref = None
        self.payload = [0] * PAYLOAD
        self.next = None


class Task:
    def __init__(self, kernel, name, priority):
        self.kernel = kernel
        self.name = name
        self.priority = priority
        self.head = None
        self.tail = None

    def post(self, packet):
        packet.next = None
        if self.tail is None:
            self.head = packet
        else:
            self.tail.next = packet
        self.tail = packet

    def take(self):
        packet = self.head
        if packet is not None:
            self.head = packet.next
            if self.head is None:
                self.tail = None
            packet.next = None
        return packet

    def queue_length(self):
        n = 0
        p = self.head
        while p is not None:
            n += 1
            p = p.next
        return n

    def ready(self):
        return self.head is not None

    def step(self):
        raise NotImplementedError


class Kernel:
    def __init__(self):
        self.tasks = []
        self.free = None
        self.allocated = 0
        self.live = 0
        self.messages = 0
        self.steps = 0
        self.clock = 0

    def add(self, task):
        self.tasks.append(task)
        # Stable sort: equal priorities keep their creation order.
        self.tasks.sort(key=lambda t: -t.priority)
        return task

    def alloc(self):
        packet = self.free
        if packet is None:
            packet = Packet()
            self.allocated += 1
        else:
            self.free = packet.next
            packet.next = None
        self.live += 1
        return packet

    def release(self, packet):
        packet.ref = None
        packet.sender = None
        packet.next = self.free
        self.free = packet
        self.live -= 1

    def send(self, sender, dest, packet, kind):
        packet.kind = kind
        packet.sender = sender
        dest.post(packet)
        self.messages += 1

    def run(self):
        tasks = self.tasks
        while True:
            for task in tasks:
                if task.ready():
                    break
            else:
                return
            task.step()
            self.steps += 1


class Producer(Task):
    def __init__(self, kernel, jobs, credits, seed):
        Task.__init__(self, kernel, "producer", 3)
        self.left = jobs
        self.made = 0
        self.credits = credits
        self.seed = seed
        self.workers = []
        self.next_worker = 0

    def ready(self):
        return self.head is not None or (self.credits > 0 and self.left > 0)

    def step(self):
        kernel = self.kernel
        packet = self.take()
        if packet is not None:
            # A credit came back: one more job may be in flight.
            self.credits += 1
            kernel.release(packet)
            return
        job = kernel.alloc()
        payload = job.payload
        seed = self.seed
        for i in range(PAYLOAD):
            seed = lcg(seed)
            payload[i] = seed >> 16
        self.seed = seed
        job.value = self.made
        self.made += 1
        self.left -= 1
        self.credits -= 1
        worker = self.workers[self.next_worker]
        self.next_worker = (self.next_worker + 1) % len(self.workers)
        kernel.send(self, worker, job, JOB)


def digest(payload):
    a = b = 0
    for x in payload:
        a = (a + x) % 255
        b = (b + a) % 255
    return (b << 8) | a


class Worker(Task):
    def __init__(self, kernel, index, disk, sink):
        Task.__init__(self, kernel, "worker%d" % index, 2)
        self.disk = disk
        self.sink = sink
        self.done = 0

    def step(self):
        kernel = self.kernel
        packet = self.take()
        if packet.kind == JOB:
            request = kernel.alloc()
            request.value = digest(packet.payload)
            request.ref = packet
            kernel.send(self, self.disk, request, IO_REQUEST)
        else:
            job = packet.ref
            job.value = (job.value << 16) | packet.value
            kernel.release(packet)
            self.done += 1
            kernel.send(self, self.sink, job, RESULT)


class Disk(Task):
    def __init__(self, kernel, index):
        Task.__init__(self, kernel, "disk%d" % index, 4)
        self.index = index
        self.current = None
        self.busy_until = 0
        self.head_track = 0
        self.served = 0

    def ready(self):
        if self.current is not None:
            return self.kernel.clock >= self.busy_until
        return self.head is not None

    def step(self):
        kernel = self.kernel
        request = self.current
        if request is None:
            # Start the next request: the seek time grows with the distance
            # the head travels, so service order shapes the simulated time.
            request = self.take()
            track = request.value & 63
            self.busy_until = kernel.clock + 1 + abs(track - self.head_track) // 8
            self.head_track = track
            self.current = request
        else:
            self.current = None
            self.served += 1
            request.value = (request.value * 31 + self.index) & 0xFFFF
            kernel.send(self, request.sender, request, IO_DONE)


class Sink(Task):
    def __init__(self, kernel, producer):
        Task.__init__(self, kernel, "sink", 1)
        self.producer = producer
        self.count = 0
        self.total = 0
        self.mixed = 0

    def step(self):
        packet = self.take()
        self.count += 1
        self.total += packet.value
        self.mixed ^= packet.value
        self.kernel.send(self, self.producer, packet, CREDIT)


class Monitor(Task):
    def __init__(self, kernel, period):
        Task.__init__(self, kernel, "monitor", 5)
        self.period = period
        self.next_wake = period
        self.samples = 0
        self.queued = 0

    def ready(self):
        return self.kernel.clock >= self.next_wake

    def step(self):
        self.next_wake += self.period
        self.samples += 1
        for task in self.kernel.tasks:
            self.queued += task.queue_length()


class Clock(Task):
    def __init__(self, kernel, disks):
        Task.__init__(self, kernel, "clock", 0)
        self.disks = disks

    def ready(self):
        for disk in self.disks:
            if disk.current is not None:
                return True
        return False

    def step(self):
        self.kernel.clock += 1


def simulate():
    kernel = Kernel()
    producer = kernel.add(Producer(kernel, JOBS, CREDITS, SEED))
    sink = kernel.add(Sink(kernel, producer))
    disks = [kernel.add(Disk(kernel, i)) for i in range(DISKS)]
    workers = [kernel.add(Worker(kernel, i, disks[i % DISKS], sink))
               for i in range(WORKERS)]
    producer.workers = workers
    monitor = kernel.add(Monitor(kernel, MONITOR_PERIOD))
    kernel.add(Clock(kernel, disks))
    kernel.run()
    return kernel, sink, monitor


def expected_totals():
    """The sink's totals computed straight from the job stream."""
    seed = SEED
    total = mixed = 0
    for job in range(JOBS):
        a = b = 0
        for _ in range(PAYLOAD):
            seed = lcg(seed)
            a = (a + (seed >> 16)) % 255
            b = (b + a) % 255
        disk = (job % WORKERS) % DISKS
        value = (job << 16) | ((((b << 8) | a) * 31 + disk) & 0xFFFF)
        total += value
        mixed ^= value
    return total, mixed


def fail(msg):
    sys.exit("richards: self-check FAILED: " + msg)


def main():
    kernel, sink, monitor = simulate()
    if sink.count != JOBS:
        fail("sink saw %d results, expected %d" % (sink.count, JOBS))
    if (sink.total, sink.mixed) != expected_totals():
        fail("sink totals %r != expected %r"
             % ((sink.total, sink.mixed), expected_totals()))
    if kernel.messages != 5 * JOBS:
        fail("%d messages, expected %d" % (kernel.messages, 5 * JOBS))
    if kernel.live != 0:
        fail("%d packets leaked" % kernel.live)
    if kernel.allocated > 2 * CREDITS:
        fail("%d packets allocated, bound is %d"
             % (kernel.allocated, 2 * CREDITS))
    print("richards: jobs=%d steps=%d ticks=%d samples=%d queued=%d"
          % (JOBS, kernel.steps, kernel.clock, monitor.samples,
             monitor.queued))


if __name__ == "__main__":
    main()
