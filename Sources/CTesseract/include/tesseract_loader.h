// Tesseract and leptonica, loaded on first use.
//
// Linking libtesseract made every process load it, libgomp and some fifty libraries behind
// them (curl, archive, nss, kerberos...): 11 ms of each start, paid by every command, while
// only OCR uses it. This target includes the libraries' own headers and gives the OCR module
// a table of the functions it calls, each typed from its declaration in those headers and
// bound with dlsym the first time OCR asks for it.
#ifndef SCRUTINY_TESSERACT_LOADER_H
#define SCRUTINY_TESSERACT_LOADER_H

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

#define SCRUTINY_FUNCTION(name) __typeof__(&name) _Nonnull name

/// The functions of tesseract's C API and of leptonica that the OCR module calls.
typedef struct ScrutinyTesseract {
    SCRUTINY_FUNCTION(TessVersion);
    SCRUTINY_FUNCTION(TessDeleteText);
    SCRUTINY_FUNCTION(TessBaseAPICreate);
    SCRUTINY_FUNCTION(TessBaseAPIDelete);
    SCRUTINY_FUNCTION(TessBaseAPIInit3);
    SCRUTINY_FUNCTION(TessBaseAPIEnd);
    SCRUTINY_FUNCTION(TessBaseAPIClear);
    SCRUTINY_FUNCTION(TessBaseAPISetVariable);
    SCRUTINY_FUNCTION(TessBaseAPISetPageSegMode);
    SCRUTINY_FUNCTION(TessBaseAPISetImage);
    SCRUTINY_FUNCTION(TessBaseAPISetSourceResolution);
    SCRUTINY_FUNCTION(TessBaseAPISetRectangle);
    SCRUTINY_FUNCTION(TessBaseAPIRecognize);
    SCRUTINY_FUNCTION(TessBaseAPIGetIterator);
    SCRUTINY_FUNCTION(TessResultIteratorDelete);
    SCRUTINY_FUNCTION(TessResultIteratorGetPageIterator);
    SCRUTINY_FUNCTION(TessResultIteratorNext);
    SCRUTINY_FUNCTION(TessResultIteratorGetUTF8Text);
    SCRUTINY_FUNCTION(TessResultIteratorConfidence);
    SCRUTINY_FUNCTION(TessResultIteratorWordIsFromDictionary);
    SCRUTINY_FUNCTION(TessPageIteratorIsAtBeginningOf);
    SCRUTINY_FUNCTION(TessPageIteratorBoundingBox);
    SCRUTINY_FUNCTION(setMsgSeverity);
    SCRUTINY_FUNCTION(pixRead);
    SCRUTINY_FUNCTION(pixReadTiff);
    SCRUTINY_FUNCTION(pixDestroy);
    SCRUTINY_FUNCTION(pixGetInputFormat);
    SCRUTINY_FUNCTION(pixConvertTo8);
    SCRUTINY_FUNCTION(pixGetDimensions);
    SCRUTINY_FUNCTION(pixGetData);
    SCRUTINY_FUNCTION(pixGetWpl);
    SCRUTINY_FUNCTION(pixGetXRes);
} ScrutinyTesseract;

/// The table, the libraries loaded and every function bound on the first call (from any
/// thread, once); NULL when they cannot be, and `scrutiny_tesseract_failure` says why.
const ScrutinyTesseract *_Nullable scrutiny_tesseract(void);

/// Why `scrutiny_tesseract` returned NULL (empty when it did not).
const char *_Nonnull scrutiny_tesseract_failure(void);

#endif
