#include <stdlib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/tree.h>

/* xmlFree is a global function pointer that Swift 6 rejects as not
   concurrency-safe; this wrapper is the one place it is called. */
static inline void preflight_xml_free(void *pointer) { xmlFree(pointer); }
