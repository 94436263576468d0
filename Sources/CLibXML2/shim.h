#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers clash with Foundation's ICU module. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
/* zlib for .graphml.gz written to a file descriptor (libxml2 itself links it). */
#include <zlib.h>
/* xmlFree is a global function pointer; Swift 6 rejects touching it directly. */
static inline void CLibXML2_free(void *p) { xmlFree(p); }
#endif
