// A PDF page's text layer and ruling lines, read in one pass over the page's content
// stream through poppler's own output-device interface (the text device poppler-glib and
// pdftotext use, extended to record strokes and fills): no raster, no second reading. A thin
// C API so Swift can call it; the one owner of every poppler object it creates.
#ifndef POPPLER_VECTOR_H
#define POPPLER_VECTOR_H

#ifdef __cplusplus
extern "C" {
#endif

/// A box in points, origin top-left of the page as poppler-glib renders it (crop box, page
/// rotation applied): a character, or a ruling line or an edge of a filled area.
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

/// Characters `start`…`end` (inclusive, indices into the page text's Unicode scalars) set
/// in one font, size and colour. `font_name` has no subset tag.
typedef struct {
    long start, end;
    double font_size;
    char *font_name;
} pv_font_run;

/// One page read: its text (UTF-8, lines separated by `\n`, words by a space where the
/// page has one), one box per Unicode scalar of that text, the font runs over it, and the
/// page's ruling lines. Size in points as displayed.
typedef struct {
    double width, height;
    char *text;
    pv_box *char_boxes;
    long char_count;
    pv_font_run *runs;
    long run_count;
    pv_box *rules;
    long rule_count;
} pv_page;

/// Why a document did not open.
enum { PV_ERROR_NONE = 0, PV_ERROR_DAMAGED = 1, PV_ERROR_ENCRYPTED = 2 };

typedef struct pv_document pv_document;

/// Opens a PDF held in memory (`length` bytes at `data`), which must stay valid and
/// unchanged until `pv_close`. NULL when poppler cannot open it, with the reason in `*error`.
pv_document *pv_open_bytes(const char *data, long length, int *error);
void pv_close(pv_document *doc);
int pv_page_count(const pv_document *doc);

/// Page `index` (0-based), with its rules when `with_rules` is non-zero; free it with
/// `pv_page_free`. NULL when the page does not exist or cannot be read.
pv_page *pv_read_page(pv_document *doc, int index, pv_options options, int with_rules);
void pv_page_free(pv_page *page);

#ifdef __cplusplus
}
#endif
#endif
