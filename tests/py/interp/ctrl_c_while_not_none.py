# krait: expect interp_frames >= 1
# krait: signal SIGINT after-ready
# krait: timeout 10
# Ctrl-C while spinning in `while node is not None:` with a call-free body.
# CPython 3.11 compiles the loop's bottom test to POP_JUMP_BACKWARD_IF_NOT_NONE,
# which checks the eval breaker on the taken jump: the KeyboardInterrupt must
# be delivered (traceback naming the `while` line), not ignored forever.
class Node:
    def __init__(self):
        self.next = self


def spin(node):
    hops = 0
    while node is not None:
        node = node.next
        hops += 1
    return hops


print("READY", flush=True)
spin(Node())
