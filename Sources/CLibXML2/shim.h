#ifndef WEFT_LIBXML2_SHIM_H
#define WEFT_LIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its types clash with Foundation's ICU in Swift.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

/// xmlFree is a global function pointer Swift 6 refuses to touch.
static inline void weft_xml_free(void *p) { xmlFree(p); }
#endif
