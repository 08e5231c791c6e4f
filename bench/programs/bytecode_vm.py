"""Bytecode VM: a tiny stack machine written in Python (an interpreter inside
the interpreter), running a program assembled from a small assembly language
with labels. The program counts the primes below a limit by trial division
and sums them, then computes a sum of gcds with Euclid's algorithm.

The hot path is the classic dispatch loop: fetch an opcode from a list,
branch through an if/elif chain, push and pop a Python list used as a stack,
and index a list of local variables. Tracing JITs are known to struggle with
(and be measured on) exactly this shape of code.

Self-check: the VM's results must equal those computed directly in Python
with different algorithms (a sieve of Eratosthenes and math.gcd).
"""

import math
import sys

PRIME_LIMIT = 18_000
GCD_LIMIT = 110

(PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, LE, EQ, JMP, JZ, JNZ, DUP, POP,
 SWAP, HALT) = range(17)

OPCODES = {name: code for code, name in enumerate(
    "PUSH LOAD STORE ADD SUB MUL MOD LT LE EQ JMP JZ JNZ DUP POP SWAP HALT"
    .split())}
WITH_ARG = {"PUSH", "LOAD", "STORE", "JMP", "JZ", "JNZ"}

# Variables: 0 n, 1 d, 2 count, 3 sum, 4 limit, 5 a, 6 b, 7 i, 8 j,
# 9 gcd_sum, 10 gcd_limit, 11 is_prime.
SOURCE = """
        PUSH 0
        STORE 2
        PUSH 0
        STORE 3
        PUSH 2
        STORE 0
n_loop: LOAD 0
        LOAD 4
        LT
        JZ primes_done
        PUSH 1
        STORE 11
        PUSH 2
        STORE 1
d_loop: LOAD 1
        LOAD 1
        MUL
        LOAD 0
        LE
        JZ d_done
        LOAD 0
        LOAD 1
        MOD
        JNZ d_next
        PUSH 0
        STORE 11
        JMP d_done
d_next: LOAD 1
        PUSH 1
        ADD
        STORE 1
        JMP d_loop
d_done: LOAD 11
        JZ n_next
        LOAD 2
        PUSH 1
        ADD
        STORE 2
        LOAD 3
        LOAD 0
        ADD
        STORE 3
n_next: LOAD 0
        PUSH 1
        ADD
        STORE 0
        JMP n_loop
primes_done:
        PUSH 0
        STORE 9
        PUSH 1
        STORE 7
i_loop: LOAD 7
        LOAD 10
        LE
        JZ halt
        PUSH 1
        STORE 8
j_loop: LOAD 8
        LOAD 10
        LE
        JZ i_next
        LOAD 7
        STORE 5
        LOAD 8
        STORE 6
g_loop: LOAD 6
        JZ g_done
        LOAD 5
        LOAD 6
        MOD
        LOAD 6
        STORE 5
        STORE 6
        JMP g_loop
g_done: LOAD 9
        LOAD 5
        ADD
        STORE 9
        LOAD 8
        PUSH 1
        ADD
        STORE 8
        JMP j_loop
i_next: LOAD 7
        PUSH 1
        ADD
        STORE 7
        JMP i_loop
halt:   HALT
"""


def assemble(source):
    """Two passes: collect label addresses, then emit a flat list of ints
    (opcode followed by its argument, if any)."""
    lines = []
    labels = {}
    address = 0
    for raw in source.splitlines():
        text = raw.strip()
        if not text:
            continue
        if ":" in text:
            label, text = text.split(":", 1)
            labels[label.strip()] = address
            text = text.strip()
            if not text:
                continue
        parts = text.split()
        lines.append(parts)
        address += 2 if parts[0] in WITH_ARG else 1
    code = []
    for parts in lines:
        code.append(OPCODES[parts[0]])
        if parts[0] in WITH_ARG:
            arg = parts[1]
            code.append(labels[arg] if arg in labels else int(arg))
    return code


def execute(code, variables):
    stack = []
    pc = 0
    executed = 0
    while True:
        op = code[pc]
        executed += 1
        if op == LOAD:
            stack.append(variables[code[pc + 1]])
            pc += 2
        elif op == STORE:
            variables[code[pc + 1]] = stack.pop()
            pc += 2
        elif op == PUSH:
            stack.append(code[pc + 1])
            pc += 2
        elif op == JZ:
            if stack.pop() == 0:
                pc = code[pc + 1]
            else:
                pc += 2
        elif op == JNZ:
            if stack.pop() != 0:
                pc = code[pc + 1]
            else:
                pc += 2
        elif op == JMP:
            pc = code[pc + 1]
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
            pc += 1
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
            pc += 1
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
            pc += 1
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
            pc += 1
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
            pc += 1
        elif op == LE:
            b = stack.pop()
            stack.append(1 if stack.pop() <= b else 0)
            pc += 1
        elif op == EQ:
            b = stack.pop()
            stack.append(1 if stack.pop() == b else 0)
            pc += 1
        elif op == DUP:
            stack.append(stack[-1])
            pc += 1
        elif op == POP:
            stack.pop()
            pc += 1
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
            pc += 1
        elif op == HALT:
            if stack:
                raise RuntimeError("stack not empty at HALT: %r" % stack)
            return executed
        else:
            raise RuntimeError("bad opcode %r at %d" % (op, pc))


def direct(prime_limit, gcd_limit):
    sieve = bytearray([1]) * prime_limit
    sieve[0:2] = b"\x00\x00"
    for p in range(2, int(prime_limit ** 0.5) + 1):
        if sieve[p]:
            sieve[p * p::p] = bytearray(len(range(p * p, prime_limit, p)))
    primes = [n for n in range(prime_limit) if sieve[n]]
    gcd_sum = sum(math.gcd(i, j) for i in range(1, gcd_limit + 1)
                  for j in range(1, gcd_limit + 1))
    return len(primes), sum(primes), gcd_sum


def fail(msg):
    sys.exit("bytecode_vm: self-check FAILED: " + msg)


def main():
    code = assemble(SOURCE)
    variables = [0] * 12
    variables[4] = PRIME_LIMIT
    variables[10] = GCD_LIMIT
    executed = execute(code, variables)
    got = (variables[2], variables[3], variables[9])
    want = direct(PRIME_LIMIT, GCD_LIMIT)
    if got != want:
        fail("VM computed %r, expected %r" % (got, want))
    print("bytecode_vm: primes<%d count=%d sum=%d gcd_sum=%d ops=%d"
          % (PRIME_LIMIT, got[0], got[1], got[2], executed))


if __name__ == "__main__":
    main()
