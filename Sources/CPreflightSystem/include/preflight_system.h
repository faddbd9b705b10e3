#ifndef PREFLIGHT_SYSTEM_H
#define PREFLIGHT_SYSTEM_H

#include <stddef.h>
#include <spawn.h>

/* Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
   Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported). */
int preflight_exchange_paths(const char *first, const char *second);

/* posix_spawn file actions that glibc declares only under _GNU_SOURCE: change the child's folder,
   and close every descriptor from `lowest` up. Return 0 or an error number. */
int preflight_spawn_chdir(posix_spawn_file_actions_t *actions, const char *path);
int preflight_spawn_closefrom(posix_spawn_file_actions_t *actions, int lowest);

#endif
