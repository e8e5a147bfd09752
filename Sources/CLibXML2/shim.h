// libxml2's HTML parser and tree. Debian builds libxml2 with ICU, and its encoding.h then
// includes the system <unicode/ucnv.h>, which clashes with the ICU module Foundation
// bundles. Nothing here uses libxml2's ICU converters (the text handed to the parser is
// already UTF-8), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
