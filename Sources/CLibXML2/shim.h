#include <stdlib.h>
#include <libxml/xmlversion.h>
/* libxml2 built with ICU pulls <unicode/ucnv.h> into its encoding header, and those ICU
   declarations clash with the copy that Foundation ships. Preflight never touches the
   encoding handler structures, so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/tree.h>

/* xmlFree is a global function pointer that Swift 6 rejects as not
   concurrency-safe; this wrapper is the one place it is called. */
static inline void preflight_xml_free(void *pointer) { xmlFree(pointer); }
