#ifndef WEFT_LIBXML2_SHIM_H
#define WEFT_LIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its types clash with Foundation's ICU in Swift.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/// xmlFree is a global function pointer Swift 6 refuses to touch.
static inline void weft_xml_free(void *p) { xmlFree(p); }
/// XPath results' node-set fields, read without Swift touching the C union.
static inline int weft_nodeset_count(xmlXPathObjectPtr o) {
    return (o && o->type == XPATH_NODESET && o->nodesetval) ? o->nodesetval->nodeNr : 0;
}
static inline xmlNodePtr weft_nodeset_item(xmlXPathObjectPtr o, int i) { return o->nodesetval->nodeTab[i]; }
#endif
