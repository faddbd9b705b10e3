#define _GNU_SOURCE
#include "preflight_system.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

int preflight_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int preflight_contains_bytes(const void *haystack, long haystack_length, const void *needle, long needle_length) {
    if (needle_length <= 0) return 1;
    if (haystack_length < needle_length) return 0;
    return memmem(haystack, (size_t)haystack_length, needle, (size_t)needle_length) != NULL;
}
