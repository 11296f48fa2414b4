/* A counting malloc interposer: the executable's malloc, calloc and realloc shadow glibc's for
 * every library of the process and forward to glibc's own entry points, so the heap stays glibc's
 * and free() needs no wrapper. operator new calls malloc, so C++ allocations are counted too. */
#include "alloc_count.hpp"

#include <stddef.h>
#include <stdlib.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *ptr, size_t size);

static uint64_t g_allocations; /* GCC/Clang __atomic builtins: C99 has no atomics */

uint64_t bench_heap_allocations(void) {
    return __atomic_load_n(&g_allocations, __ATOMIC_RELAXED);
}

void *malloc(size_t size) {
    __atomic_fetch_add(&g_allocations, 1, __ATOMIC_RELAXED);
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    __atomic_fetch_add(&g_allocations, 1, __ATOMIC_RELAXED);
    return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size) {
    __atomic_fetch_add(&g_allocations, 1, __ATOMIC_RELAXED);
    return __libc_realloc(ptr, size);
}
