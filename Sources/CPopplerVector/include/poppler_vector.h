// Ruling lines of PDF pages from the page's drawing operations (strokes and fills), read
// through poppler's own output-device interface: no raster. A thin C API so Swift can call
// it; the one owner of every poppler object it creates.
#ifndef POPPLER_VECTOR_H
#define POPPLER_VECTOR_H

#ifdef __cplusplus
extern "C" {
#endif

/// A ruling line or an edge of a filled area, in points, origin top-left of the page as
/// poppler-glib renders it (crop box, page rotation applied).
typedef struct {
    double x0, y0, x1, y1;
} pv_box;

/// What counts as a rule, in points.
typedef struct {
    /// Shortest horizontal and vertical rule.
    double min_horizontal, min_vertical;
    /// Thicker filled areas are shading; their edges are reported as rules.
    double max_thickness;
    /// Paint lighter than this grey level (0 black … 1 white) is no ink.
    double max_ink_gray;
} pv_options;

typedef struct pv_document pv_document;

/// Opens a PDF held in memory (`length` bytes at `data`), which must stay valid and
/// unchanged until `pv_close`; NULL when poppler cannot open it. Reading from memory spares
/// poppler's file stream its many small reads.
pv_document *pv_open_bytes(const char *data, long length);
void pv_close(pv_document *doc);
int pv_page_count(const pv_document *doc);

/// The rules of page `index` (0-based): a malloc'd array the caller frees with `pv_free`,
/// its length in `*count`. NULL with count 0 when the page has none or does not exist.
pv_box *pv_page_rules(pv_document *doc, int index, pv_options options, long *count);
void pv_free(void *pointer);

#ifdef __cplusplus
}
#endif
#endif
