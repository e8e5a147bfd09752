#include "tesseract_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static ScrutinyTesseract table;
static const ScrutinyTesseract *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// The first of these library names that dlopen finds (Debian's, then the generic ones).
static void *open_first(const char *const names[]) {
    for (int i = 0; names[i]; i++) {
        void *handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    snprintf(failure, sizeof failure, "cannot load %s (install libtesseract5): %s", names[0], dlerror());
    return NULL;
}

// Leptonica's functions are looked up through tesseract's handle, which searches the
// libraries tesseract itself loaded: the same leptonica, whatever its file is called.
#define BIND(name)                                                                  \
    if (!(table.name = (__typeof__(table.name))dlsym(tesseract, #name))) {          \
        snprintf(failure, sizeof failure, "%s not found in libtesseract", #name);   \
        return;                                                                     \
    }

static void load(void) {
    // libgomp, which tesseract brings, reads OMP_THREAD_LIMIT now: the command line sets it
    // when the process starts (OpenMPEnvironment), not here, where other threads may be
    // reading the environment.
    static const char *const names[] = {"libtesseract.so.5", "libtesseract.so", NULL};
    void *tesseract = open_first(names);
    if (!tesseract) return;
    BIND(TessVersion) BIND(TessDeleteText)
    BIND(TessBaseAPICreate) BIND(TessBaseAPIDelete) BIND(TessBaseAPIInit3) BIND(TessBaseAPIEnd)
    BIND(TessBaseAPIClear) BIND(TessBaseAPISetVariable) BIND(TessBaseAPISetPageSegMode)
    BIND(TessBaseAPISetImage) BIND(TessBaseAPISetSourceResolution) BIND(TessBaseAPISetRectangle)
    BIND(TessBaseAPIRecognize) BIND(TessBaseAPIGetIterator)
    BIND(TessResultIteratorDelete) BIND(TessResultIteratorGetPageIterator) BIND(TessResultIteratorNext)
    BIND(TessResultIteratorGetUTF8Text) BIND(TessResultIteratorConfidence)
    BIND(TessResultIteratorWordIsFromDictionary)
    BIND(TessPageIteratorIsAtBeginningOf) BIND(TessPageIteratorBoundingBox)
    BIND(setMsgSeverity) BIND(pixRead) BIND(pixReadTiff) BIND(pixDestroy) BIND(pixGetInputFormat)
    BIND(pixConvertTo8) BIND(pixGetDimensions) BIND(pixGetData) BIND(pixGetWpl) BIND(pixGetXRes)
    loaded = &table;
}

const ScrutinyTesseract *_Nullable scrutiny_tesseract(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *_Nonnull scrutiny_tesseract_failure(void) {
    pthread_once(&once, load);
    return failure;
}
