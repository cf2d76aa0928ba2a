// libxml2's headers include the system ICU when libxml2 was built with it; that clashes with
// the ICU module Foundation ships. We only use the HTML parser and the tree, never the ICU
// converter fields, so ICU is left out of the import.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// xmlFree is a global function pointer: Swift 6 will not read a global variable from concurrent
// code, so it is called through this function.
static inline void auditXMLFree(void *p) { xmlFree(p); }
