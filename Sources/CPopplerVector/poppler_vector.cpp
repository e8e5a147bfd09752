// A page's text layer and its ruling lines in one pass over its content stream: poppler's
// own text device (as poppler-glib reads text) extended to record axis-aligned strokes and
// filled rectangles.
#include "poppler_vector.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include <GlobalParams.h>
#include <GfxState.h>
#include <goo/GooString.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <Error.h>
#include <Annot.h>
#include <Gfx.h>
#include <Page.h>
#include <TextOutputDev.h>

namespace {

void quietErrors(ErrorCategory, Goffset, const char *) {}

struct Segment {
    bool horizontal;
    double along0, along1;   // extent along the rule
    double across0, across1; // thickness
};

/// Records ink that may be a table rule: straight axis-aligned strokes and filled
/// rectangles, in device space (points, origin top-left).
class RuleRecorder {
public:
    explicit RuleRecorder(const pv_options &o) : options(o) {}

    std::vector<Segment> segments;
    std::vector<pv_box> fills; // filled areas thicker than a rule both ways

    void stroke(GfxState *state) {
        if (!isInk(state, false)) return;
        double width = std::max(state->getTransformedLineWidth(), 1.0);
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            int n = sub->getNumPoints();
            for (int i = 0; i + 1 < n; ++i) {
                if (sub->getCurve(i) || sub->getCurve(i + 1)) continue;
                addLine(state, sub->getX(i), sub->getY(i), sub->getX(i + 1), sub->getY(i + 1), width);
            }
            if (sub->isClosed() && n > 2) {
                addLine(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0), width);
            }
        }
    }

    /// A filled path that is an axis-aligned rectangle: a rule when thin, else an area.
    void fill(GfxState *state) { fillPath(state); }

    const pv_options options;

private:

    /// Whether the paint is dark enough to be seen as a line (not white, not transparent).
    bool isInk(GfxState *state, bool fill) {
        if ((fill ? state->getFillOpacity() : state->getStrokeOpacity()) < 0.2) return false;
        GfxColorSpace *space = fill ? state->getFillColorSpace() : state->getStrokeColorSpace();
        if (space == nullptr || space->getMode() == csPattern) return false;
        GfxGray gray;
        if (fill) state->getFillGray(&gray); else state->getStrokeGray(&gray);

        return colToDbl(gray) <= options.max_ink_gray;
    }

    void addLine(GfxState *state, double ux0, double uy0, double ux1, double uy1, double width) {
        double x0, y0, x1, y1;
        state->transform(ux0, uy0, &x0, &y0);
        state->transform(ux1, uy1, &x1, &y1);
        double half = width / 2;
        if (std::fabs(y1 - y0) <= 0.5) {
            double y = (y0 + y1) / 2;
            addClipped(Segment{true, std::min(x0, x1), std::max(x0, x1), y - half, y + half}, state);
        } else if (std::fabs(x1 - x0) <= 0.5) {
            double x = (x0 + x1) / 2;
            addClipped(Segment{false, std::min(y0, y1), std::max(y0, y1), x - half, x + half}, state);
        }
    }

    void fillPath(GfxState *state) {
        if (!isInk(state, true)) return;
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            int n = sub->getNumPoints();
            if (n < 4 || n > 5) continue;
            double xs[5], ys[5];
            bool curved = false;
            for (int i = 0; i < n; ++i) {
                curved = curved || sub->getCurve(i);
                state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
            }
            if (curved) continue;
            // four corners: every edge axis-aligned
            bool rectangle = true;
            for (int i = 0; i < 4; ++i) {
                int j = (i + 1) % 4;
                bool flat = std::fabs(ys[i] - ys[j]) <= 0.5, upright = std::fabs(xs[i] - xs[j]) <= 0.5;
                rectangle = rectangle && (flat || upright);
            }
            if (!rectangle) continue;
            double x0 = *std::min_element(xs, xs + 4), x1 = *std::max_element(xs, xs + 4);
            double y0 = *std::min_element(ys, ys + 4), y1 = *std::max_element(ys, ys + 4);
            double w = x1 - x0, h = y1 - y0;
            if (h <= options.max_thickness && w > h) {
                addClipped(Segment{true, x0, x1, y0, std::max(y1, y0 + 1)}, state);
            } else if (w <= options.max_thickness && h > w) {
                addClipped(Segment{false, y0, y1, x0, std::max(x1, x0 + 1)}, state);
            } else if (w > options.max_thickness && h > options.max_thickness) {
                clipBox(state, x0, y0, x1, y1);
            }
        }
    }

    void clipBox(GfxState *state, double x0, double y0, double x1, double y1) {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        x0 = std::max(x0, cx0); y0 = std::max(y0, cy0); x1 = std::min(x1, cx1); y1 = std::min(y1, cy1);
        if (x1 - x0 > options.max_thickness && y1 - y0 > options.max_thickness) fills.push_back(pv_box{x0, y0, x1, y1});
    }

    void addClipped(Segment g, GfxState *state) {
        double cx0, cy0, cx1, cy1;
        state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
        double a0 = g.horizontal ? cx0 : cy0, a1 = g.horizontal ? cx1 : cy1;
        double c0 = g.horizontal ? cy0 : cx0, c1 = g.horizontal ? cy1 : cx1;
        g.along0 = std::max(g.along0, a0); g.along1 = std::min(g.along1, a1);
        if (g.along1 <= g.along0 || g.across1 < c0 || g.across0 > c1) return;
        segments.push_back(g);
    }
};

/// Joins collinear pieces that touch or overlap (a rule drawn cell by cell is one rule):
/// pieces whose centre lines lie within `sameLine` of each other form a band, and the
/// pieces of a band are merged where they meet or overlap (gaps up to `touching`).
std::vector<Segment> joined(const std::vector<Segment> &segs, bool horizontal) {
    const double sameLine = 0.75, touching = 1.0;
    std::vector<Segment> mine;
    for (const auto &s : segs) if (s.horizontal == horizontal) mine.push_back(s);
    auto centre = [](const Segment &s) { return (s.across0 + s.across1) / 2; };
    std::sort(mine.begin(), mine.end(), [&](const Segment &a, const Segment &b) { return centre(a) < centre(b); });
    std::vector<Segment> out;
    size_t i = 0;
    while (i < mine.size()) {
        size_t j = i + 1;
        while (j < mine.size() && centre(mine[j]) - centre(mine[j - 1]) <= sameLine) ++j;
        std::vector<Segment> band(mine.begin() + i, mine.begin() + j);
        std::sort(band.begin(), band.end(), [](const Segment &a, const Segment &b) { return a.along0 < b.along0; });
        size_t first = out.size();
        for (const auto &s : band) {
            if (out.size() > first && s.along0 <= out.back().along1 + touching) {
                Segment &last = out.back();
                last.along1 = std::max(last.along1, s.along1);
                last.across0 = std::min(last.across0, s.across0);
                last.across1 = std::max(last.across1, s.across1);
            } else {
                out.push_back(s);
            }
        }
        i = j;
    }
    return out;
}

/// Filled areas sorted by each edge, to find the fills that abut one in O(log n + k).
class FillIndex {
public:
    explicit FillIndex(const std::vector<pv_box> &f) : fills(f) {
        for (int k = 0; k < 4; ++k) {
            order[k].resize(fills.size());
            for (size_t i = 0; i < fills.size(); ++i) order[k][i] = i;
            std::sort(order[k].begin(), order[k].end(), [&](size_t a, size_t b) { return edge(fills[a], k) < edge(fills[b], k); });
        }
    }
    // a fill whose bottom edge meets this one's top, over half its width; and so on
    bool abutsAbove(const pv_box &f) const { return covered(f, 3, f.y0, true); }
    bool abutsBelow(const pv_box &f) const { return covered(f, 1, f.y1, true); }
    bool abutsLeft(const pv_box &f) const { return covered(f, 2, f.x0, false); }
    bool abutsRight(const pv_box &f) const { return covered(f, 0, f.x1, false); }

private:
    const std::vector<pv_box> &fills;
    std::vector<size_t> order[4]; // by x0, y0, x1, y1

    static double edge(const pv_box &b, int k) { return k == 0 ? b.x0 : k == 1 ? b.y0 : k == 2 ? b.x1 : b.y1; }

    /// Whether fills with edge `k` within the touching distance of `at` cover half of `f`'s side.
    bool covered(const pv_box &f, int k, double at, bool horizontalEdge) const {
        const double touching = 1.5;
        const auto &o = order[k];
        auto lo = std::lower_bound(o.begin(), o.end(), at - touching, [&](size_t i, double v) { return edge(fills[i], k) < v; });
        double length = horizontalEdge ? f.x1 - f.x0 : f.y1 - f.y0, overlap = 0;
        for (auto it = lo; it != o.end() && edge(fills[*it], k) <= at + touching; ++it) {
            const pv_box &g = fills[*it];
            if (&g == &f) continue;
            overlap += horizontalEdge ? std::max(0.0, std::min(f.x1, g.x1) - std::max(f.x0, g.x0))
                                      : std::max(0.0, std::min(f.y1, g.y1) - std::max(f.y0, g.y0));
        }
        return overlap >= length / 2;
    }
};

/// Drawn rules of one direction sorted by where they run across, to ask whether one runs
/// beside a fill's edge.
class RuleIndex {
public:
    explicit RuleIndex(std::vector<Segment> r) : rules(std::move(r)) {
        std::sort(rules.begin(), rules.end(), [](const Segment &a, const Segment &b) { return a.across0 < b.across0; });
    }
    /// Whether a rule lies at `at` or up to `insetDistance` outside it (`side` -1: before,
    /// 1: after) and runs along half of `from…to` or more.
    bool beside(double at, int side, double from, double to) const {
        const double insetDistance = 6.0, touching = 1.5;
        double lo = side < 0 ? at - insetDistance : at - touching, hi = side < 0 ? at + touching : at + insetDistance;
        auto it = std::lower_bound(rules.begin(), rules.end(), lo - 4, [](const Segment &s, double v) { return s.across0 < v; });
        for (; it != rules.end() && it->across0 <= hi; ++it) {
            double centre = (it->across0 + it->across1) / 2;
            if (centre < lo || centre > hi) continue;
            if (std::min(to, it->along1) - std::max(from, it->along0) >= (to - from) / 2) return true;
        }
        return false;
    }

private:
    std::vector<Segment> rules;
};

/// The page's rules: drawn pieces joined into lines (shorter ones dropped), and the edges
/// of filled areas.
std::vector<pv_box> rulesOf(const RuleRecorder &ink) {
    std::vector<pv_box> boxes;
    std::vector<Segment> rules[2]; // [0] horizontal, [1] vertical
    for (bool horizontal : {true, false}) {
        double minLength = horizontal ? ink.options.min_horizontal : ink.options.min_vertical;
        for (const auto &s : joined(ink.segments, horizontal)) {
            if (s.along1 - s.along0 < minLength) continue;
            rules[horizontal ? 0 : 1].push_back(s);
            if (horizontal) boxes.push_back(pv_box{s.along0, s.across0, s.along1, s.across1});
            else boxes.push_back(pv_box{s.across0, s.along0, s.across1, s.along1});
        }
    }
    // filled areas: the edges of their union — a top or bottom edge as a horizontal rule, a
    // side as a vertical one (a narrow dark column, under a shortest rule wide, is a
    // marker, not a table's border) — unless another fill abuts it there (one shaded band drawn
    // cell by cell, or line by line, is one area, as a raster sees it) or a drawn rule runs
    // beside it (shading inset in a ruled cell: the rule is the border, not the shading)
    FillIndex fills(ink.fills);
    RuleIndex horizontalRules(rules[0]), verticalRules(rules[1]);
    for (const auto &f : ink.fills) {
        if (f.x1 - f.x0 >= ink.options.min_horizontal) {
            if (!fills.abutsAbove(f) && !horizontalRules.beside(f.y0, -1, f.x0, f.x1))
                boxes.push_back(pv_box{f.x0, f.y0, f.x1, f.y0 + 1});
            if (!fills.abutsBelow(f) && !horizontalRules.beside(f.y1, 1, f.x0, f.x1))
                boxes.push_back(pv_box{f.x0, f.y1 - 1, f.x1, f.y1});
        }
        if (f.y1 - f.y0 >= ink.options.min_vertical && f.x1 - f.x0 >= ink.options.min_horizontal) {
            if (!fills.abutsLeft(f) && !verticalRules.beside(f.x0, -1, f.y0, f.y1))
                boxes.push_back(pv_box{f.x0, f.y0, f.x0 + 1, f.y1});
            if (!fills.abutsRight(f) && !verticalRules.beside(f.x1, 1, f.y0, f.y1))
                boxes.push_back(pv_box{f.x1 - 1, f.y0, f.x1, f.y1});
        }
    }
    return boxes;
}

/// poppler's text device, as poppler-glib reads a page's text (physical layout, the content
/// stream only), that also hands the page's strokes and fills to a `RuleRecorder`.
/// While `annotationsOnly` is set (annotations being drawn for their rules) it takes no
/// text: poppler-glib's text does not include annotations. Without `recordsInk` (no rules
/// asked for) strokes and fills are not looked at.
class PageReader : public TextOutputDev {
public:
    PageReader(const pv_options &o, bool recordsInk)
        : TextOutputDev(nullptr, true, 0, false, false), ink(o), recordsInk(recordsInk) {}

    RuleRecorder ink;
    const bool recordsInk;
    bool annotationsOnly = false;

    void stroke(GfxState *state) override {
        if (!annotationsOnly) TextOutputDev::stroke(state);
        if (recordsInk) ink.stroke(state);
    }
    void fill(GfxState *state) override {
        if (!annotationsOnly) TextOutputDev::fill(state);
        if (recordsInk) ink.fill(state);
    }
    void eoFill(GfxState *state) override {
        if (!annotationsOnly) TextOutputDev::eoFill(state);
        if (recordsInk) ink.fill(state);
    }
    // Patterns and shadings are drawn by nobody: they are no rules and hold no text.
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }
    bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int, double, double) override { return true; }
    bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return true; }
    bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return true; }
    bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return true; }
    bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return true; }
    bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return true; }

    // text, unless annotations are being drawn
    void restoreState(GfxState *state) override { if (!annotationsOnly) TextOutputDev::restoreState(state); }
    void updateFont(GfxState *state) override { if (!annotationsOnly) TextOutputDev::updateFont(state); }
    void beginString(GfxState *state, const GooString *s) override { if (!annotationsOnly) TextOutputDev::beginString(state, s); }
    void endString(GfxState *state) override { if (!annotationsOnly) TextOutputDev::endString(state); }
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override {
        if (!annotationsOnly) TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
    }
    void incCharCount(int nChars) override { if (!annotationsOnly) TextOutputDev::incCharCount(nChars); }
    void beginActualText(GfxState *state, const GooString *text) override { if (!annotationsOnly) TextOutputDev::beginActualText(state, text); }
    void endActualText(GfxState *state) override { if (!annotationsOnly) TextOutputDev::endActualText(state); }
};

/// A font name without its subset tag (`ABCDEF+Arial-Bold` → `Arial-Bold`); `Default`
/// when the word's font has no name, as poppler-glib names it.
char *fontName(const TextWord *word, int i) {
    const GooString *name = word->getFontName(i);
    if (!name || name->getLength() == 0) return strdup("Default");
    int n = 0;
    while (n < name->getLength() && name->getChar(n) >= 'A' && name->getChar(n) <= 'Z') ++n;
    bool subset = n > 0 && n < name->getLength() && name->getChar(n) == '+';
    return strdup(name->c_str() + (subset ? n + 1 : 0));
}

/// Whether two characters share font, size, underline and colour (one font run).
bool sameLook(const TextWord *a, int ai, const TextWord *b, int bi) {
    if (!a->getFontInfo(ai)->matches(b->getFontInfo(bi))) return false;
    if (a->getFontSize() != b->getFontSize() || a->isUnderlined() != b->isUnderlined()) return false;
    double ar, ag, ab, br, bg, bb;
    a->getColor(&ar, &ag, &ab);
    b->getColor(&br, &bg, &bb);
    return ar == br && ag == bg && ab == bb;
}

/// The characters' boxes and font runs of a text page, indexed like its selection text:
/// each character of a word, a space between words that have one, a newline between
/// lines — the layout poppler-glib gives (`poppler_page_get_text_layout`, `…_attributes`).
void layout(TextPage *text, const PDFRectangle &area, std::vector<pv_box> &boxes, std::vector<pv_font_run> &runs) {
    int nLines = 0;
    std::vector<TextWordSelection *> **lines = text->getSelectionWords(&area, selectionStyleGlyph, &nLines);
    if (!lines) return;
    const TextWord *previous = nullptr;
    int previousIndex = 0;
    long offset = 0;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    for (int i = 0; i < nLines; ++i) {
        std::vector<TextWordSelection *> *words = lines[i];
        for (size_t j = 0; j < words->size(); ++j) {
            TextWordSelection *selected = (*words)[j];
            const TextWord *word = selected->getWord();
            for (int k = selected->getBegin(); k < selected->getEnd(); ++k) {
                pv_box b;
                word->getCharBBox(k, &b.x0, &b.y0, &b.x1, &b.y1);
                boxes.push_back(b);
                if (!previous || !sameLook(word, k, previous, previousIndex)) {
                    runs.push_back(pv_font_run{offset, offset, word->getFontSize(), fontName(word, k)});
                }
                runs.back().end = offset;
                ++offset;
                previous = word;
                previousIndex = k;
            }
            word->getBBox(&x1, &y1, &x2, &y2);
            if (word->hasSpaceAfter() && j + 1 < words->size()) {
                // the space runs to the next word, as high as this one
                double x3, y3, x4, y4;
                (*words)[j + 1]->getWord()->getBBox(&x3, &y3, &x4, &y4);
                boxes.push_back(pv_box{x2, y1, x3, y2});
                if (!runs.empty()) runs.back().end = offset;
                ++offset;
            }
            delete selected;
        }
        if (i + 1 < nLines) {
            if (!boxes.empty()) boxes.push_back(pv_box{x2, y2, x2, y2}); // the newline
            if (!runs.empty()) runs.back().end = offset;
            ++offset;
        }
        delete words;
    }
    gfree(lines);
}

template <typename T> T *copied(const std::vector<T> &v) {
    if (v.empty()) return nullptr;
    auto out = static_cast<T *>(std::malloc(sizeof(T) * v.size()));
    if (out) std::memcpy(out, v.data(), sizeof(T) * v.size());
    return out;
}

/// One process-wide poppler set-up (fonts, encodings), made on first use and kept: making it
/// for every document cost more than reading a short one.
void initPoppler() {
    static GlobalParamsIniter initer(quietErrors);
    setErrorCallback(quietErrors);
}

} // namespace

struct pv_document {
    std::unique_ptr<PDFDoc> doc;
};

extern "C" pv_document *pv_open_bytes(const char *data, long length, int *error) {
    *error = PV_ERROR_DAMAGED;
    if (!data || length <= 0) return nullptr;
    initPoppler();
    auto d = new pv_document();
    // the document owns the stream; the stream does not own the bytes
    d->doc = std::make_unique<PDFDoc>(new MemStream(data, 0, length, Object(objNull)));
    if (!d->doc->isOk()) {
        *error = d->doc->getErrorCode() == errEncrypted ? PV_ERROR_ENCRYPTED : PV_ERROR_DAMAGED;
        delete d;
        return nullptr;
    }
    *error = PV_ERROR_NONE;
    return d;
}

extern "C" void pv_close(pv_document *doc) { delete doc; }

extern "C" int pv_page_count(const pv_document *doc) { return doc ? doc->doc->getNumPages() : 0; }

extern "C" pv_page *pv_read_page(pv_document *doc, int index, pv_options options, int with_rules) {
    if (!doc || index < 0 || index >= doc->doc->getNumPages()) return nullptr;
    Page *page = doc->doc->getPage(index + 1);
    if (!page) return nullptr;
    auto result = static_cast<pv_page *>(std::calloc(1, sizeof(pv_page)));
    if (!result) return nullptr;
    int rotate = page->getRotate();
    bool turned = rotate == 90 || rotate == 270;
    result->width = turned ? page->getCropHeight() : page->getCropWidth();
    result->height = turned ? page->getCropWidth() : page->getCropHeight();

    // as poppler-glib reads text: 72 dpi, crop box, page rotation, not printing
    PageReader reader(options, with_rules != 0);
    Gfx *gfx = page->createGfx(&reader, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
    page->display(gfx);
    if (with_rules) {
        // annotations are drawn as a viewer shows the page: their ink may be rules
        reader.annotationsOnly = true;
        for (Annot *annot : page->getAnnots()->getAnnots()) annot->draw(gfx, false);
        reader.annotationsOnly = false;
    }
    reader.endPage();
    TextPage *text = reader.takeText();
    delete gfx;

    PDFRectangle area(0, 0, result->width, result->height);
    GooString *selected = text->getSelectionText(&area, selectionStyleGlyph);
    result->text = strdup(selected ? selected->c_str() : "");
    delete selected;
    std::vector<pv_box> boxes;
    std::vector<pv_font_run> runs;
    layout(text, area, boxes, runs);
    text->decRefCnt();
    result->char_boxes = copied(boxes);
    result->char_count = result->char_boxes ? static_cast<long>(boxes.size()) : 0;
    result->runs = copied(runs);
    result->run_count = result->runs ? static_cast<long>(runs.size()) : 0;
    if (with_rules) {
        std::vector<pv_box> rules = rulesOf(reader.ink);
        result->rules = copied(rules);
        result->rule_count = result->rules ? static_cast<long>(rules.size()) : 0;
    }
    return result;
}

extern "C" void pv_page_free(pv_page *page) {
    if (!page) return;
    for (long i = 0; i < page->run_count; ++i) std::free(page->runs[i].font_name);
    std::free(page->runs);
    std::free(page->char_boxes);
    std::free(page->rules);
    std::free(page->text);
    std::free(page);
}
