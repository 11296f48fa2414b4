// Counts heap allocations of the whole process: malloc/calloc/realloc (libcurl, OpenSSL, libc)
// and operator new (which lands in malloc, and is counted there).
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

uint64_t bench_heap_allocations(void);

#ifdef __cplusplus
}
#endif
