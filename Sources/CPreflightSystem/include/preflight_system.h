#ifndef PREFLIGHT_SYSTEM_H
#define PREFLIGHT_SYSTEM_H

#include <stddef.h>

/* Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
   Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported). */
int preflight_exchange_paths(const char *first, const char *second);

/* Whether `needle` occurs in `haystack` (glibc's memmem, which Swift's Glibc module does not export). */
int preflight_contains_bytes(const void *haystack, long haystack_length, const void *needle, long needle_length);

#endif
