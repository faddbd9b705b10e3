#ifndef PREFLIGHT_SYSTEM_H
#define PREFLIGHT_SYSTEM_H

#include <stddef.h>

/* Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
   Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported). */
int preflight_exchange_paths(const char *first, const char *second);

#endif
