// The `krait` executable: a drop-in replacement for python3.11.
#include "krait/krait.h"

int main(int argc, char** argv) { return krait::run_main(argc, argv); }
