/* Turns callgrind's instrumentation on and off from Python (ctypes), around the requests measured. */
#include <valgrind/callgrind.h>

void instructions_start(void) {
  CALLGRIND_ZERO_STATS;
  CALLGRIND_START_INSTRUMENTATION;
}

void instructions_stop(const char *name) {
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS_AT(name);
}
