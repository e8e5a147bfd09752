import Foundation
import CPoppler
import CPopplerVector
import PageGeometry
import ScrutinyCore

/// An open PDF, through poppler-glib. Owns the `PopplerDocument*` and unrefs it in `deinit`.
///
/// Not `Sendable` on purpose: poppler/cairo state must not be shared between threads
/// (rendering one document from two threads crashes). Open one per task and hand only value
/// types (`String`, `GrayImage`, `PageText`) to other tasks.
public final class PopplerDocument {
    private let handle: OpaquePointer
    /// Number of pages in the document.
    public let pageCount: Int
    /// The file's bytes, mapped into memory once and read by both poppler readers (no
    /// small reads from the file, no second open); unref'd in `deinit`, after both readers.
    private let bytes: OpaquePointer
    /// The same bytes through poppler's output-device interface (`CPopplerVector`), for rules
    /// from drawing operations; opened on first use, closed in `deinit`.
    private var vector: OpaquePointer?
    private var vectorTried = false

    /// Opens the PDF at `path`. Throws `UnreadableInput` with a one-line reason: not found,
    /// encrypted (password required), damaged or truncated, no pages.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UnreadableInput("file not found: \(path)") }
        var err: UnsafeMutablePointer<GError>?
        guard let mapped = g_mapped_file_new(path, 0, &err) else {
            throw UnreadableInput(Self.reason(err, fallback: "cannot read the file"))
        }
        let contents = g_mapped_file_get_bytes(mapped)
        g_mapped_file_unref(mapped) // the bytes keep the mapping
        guard let contents else { throw UnreadableInput("cannot read the file") }
        guard let doc = poppler_document_new_from_bytes(contents, nil, &err) else {
            g_bytes_unref(contents)
            throw UnreadableInput(Self.reason(err, fallback: "damaged or truncated PDF"))
        }
        let n = Int(poppler_document_get_n_pages(doc))
        if n <= 0 {
            g_object_unref(UnsafeMutableRawPointer(doc))
            g_bytes_unref(contents)
            throw UnreadableInput("PDF has no pages")
        }
        handle = doc
        pageCount = n
        bytes = contents
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
        if let vector { pv_close(vector) }
        g_bytes_unref(bytes)
    }

    /// Ruling lines of the page at a 0-based index from its drawing operations (strokes and
    /// filled rectangles), in points, origin top-left as `render` draws the page; no raster.
    func vectorRules(page index: Int, options: RuleFinder.Options) -> [Box] {
        if !vectorTried {
            vectorTried = true
            var length: gsize = 0
            if let data = g_bytes_get_data(bytes, &length) {
                vector = pv_open_bytes(data.assumingMemoryBound(to: CChar.self), Int(length))
            }
        }
        guard let vector else { return [] }
        let o = pv_options(min_horizontal: options.minHorizontal, min_vertical: options.minVertical,
                           max_thickness: options.maxThickness, max_ink_gray: Double(options.darkLevel) / 255)
        var count = 0
        guard let boxes = pv_page_rules(vector, Int32(index), o, &count) else { return [] }
        defer { pv_free(boxes) }
        return (0..<count).map { i in
            let b = boxes[i]
            return Box(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
        }
    }

    /// Turns a GError from poppler/glib into a one-line reason and frees it.
    private static func reason(_ err: UnsafeMutablePointer<GError>?, fallback: String) -> String {
        guard let err else { return fallback }
        defer { g_error_free(err) }
        let e = err.pointee
        if e.domain == poppler_error_quark() {
            if UInt32(e.code) == POPPLER_ERROR_ENCRYPTED.rawValue { return "encrypted PDF (password required)" }
            return "damaged or truncated PDF"
        }
        if e.domain == g_file_error_quark(), UInt32(e.code) == G_FILE_ERROR_NOENT.rawValue { return "file not found" }
        return "damaged or truncated PDF"
    }

    /// The page at a 0-based index.
    public func page(_ index: Int) -> PopplerPage? {
        guard index >= 0, index < pageCount, let p = poppler_document_get_page(handle, Int32(index)) else { return nil }
        return PopplerPage(handle: p, index: index, owner: self)
    }
}

/// One page of a `PopplerDocument`. Owns its `PopplerPage*` and keeps its document alive.
/// Not `Sendable`: use it on the task that opened the document.
public final class PopplerPage {
    private let handle: OpaquePointer
    private let owner: PopplerDocument
    /// 0-based page index.
    public let index: Int

    /// A run of characters in one font: indices into the page text's Unicode scalars, inclusive.
    public struct FontRun: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var fontName: String
        public var fontSize: Double
        /// From the font name (`…-Bold`, `…Bold…`, `…Black`, `…Heavy`, `…Semibold`).
        public var bold: Bool
    }

    init(handle: OpaquePointer, index: Int, owner: PopplerDocument) {
        self.handle = handle; self.index = index; self.owner = owner
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Page size in points, as displayed (a `/Rotate 90` page has width and height swapped).
    public var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }

    /// The page's text in poppler's reading order, lines separated by `\n`.
    public func text() -> String {
        guard let c = poppler_page_get_text(handle) else { return "" }
        defer { g_free(c) }
        return String(cString: c)
    }

    /// One box per Unicode scalar of `text()` (newlines included), in points, origin top-left.
    public func characterBoxes() -> [Box] {
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var n: guint = 0
        guard poppler_page_get_text_layout(handle, &rects, &n) != 0, let rects else { return [] }
        defer { g_free(rects) }
        var out: [Box] = []
        out.reserveCapacity(Int(n))
        for i in 0..<Int(n) {
            let r = rects[i]
            out.append(Box(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
        }
        return out
    }

    /// Font runs over the page text; bold is decided once per run from the font name.
    public func fontRuns() -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(handle) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var out: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let a = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = a.font_name.map { String(cString: $0) } ?? ""
                out.append(FontRun(start: Int(a.start_index), end: Int(a.end_index), fontName: name,
                                   fontSize: a.font_size, bold: Self.isBoldFont(name)))
            }
            node = n.pointee.next
        }
        return out
    }

    /// Whether a font name names a bold face (`ABCDEF+Arial-BoldMT`, `Helvetica-Bold`, `Calibri,Bold`).
    public static func isBoldFont(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("bold") || lower.contains("black") || lower.contains("heavy")
            || lower.contains("semibold") || lower.contains("demi")
    }

    /// Renders never exceed this many pixels: a page with a hostile size (a "PDF bomb"
    /// 200,000 points wide) is rendered at a lower resolution instead of exhausting memory.
    public static let maxRenderPixels = 36_000_000.0

    /// Ruling lines from the page's drawing operations (see `PopplerDocument.vectorRules`).
    public func vectorRules(options: RuleFinder.Options = RuleFinder.Options()) -> [Box] {
        owner.vectorRules(page: index, options: options)
    }

    /// The page rendered at `dpi` as 8-bit grey (white background); the resolution is
    /// lowered when the page is too big for `maxRenderPixels` (the image's `dpi` says which).
    public func render(dpi requested: Double) -> GrayImage {
        let (w, h) = size
        let areaAtRequested = max(1, w * h) * (requested / 72) * (requested / 72)
        let dpi = areaAtRequested > Self.maxRenderPixels ? requested * (Self.maxRenderPixels / areaAtRequested).squareRoot() : requested
        let scale = dpi / 72
        let pw = max(1, Int((w * scale).rounded(.up))), ph = max(1, Int((h * scale).rounded(.up)))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else {
            return GrayImage(width: pw, height: ph, pixels: Array(repeating: 255, count: pw * ph), dpi: dpi)
        }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return Self.gray(surface, dpi: dpi) ?? GrayImage(width: pw, height: ph,
                                                         pixels: Array(repeating: 255, count: pw * ph), dpi: dpi)
    }

    /// The page's one embedded image at its native resolution, when a single image covers
    /// most (≥ 85 %) of the page — a scanned page. `dpi` is the image's pixels over the
    /// mapped area's inches. Nil for pages that are not one scan.
    public func embeddedScanImage() -> GrayImage? {
        guard let list = poppler_page_get_image_mapping(handle) else { return nil }
        defer { poppler_page_free_image_mapping(list) }
        let (pw, ph) = size
        var best: (id: Int32, area: PopplerRectangle, cover: Double)?
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let m = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let a = m.area
                let cw = min(abs(a.x2 - a.x1), pw), ch = min(abs(a.y2 - a.y1), ph)
                let cover = (cw * ch) / max(1, pw * ph)
                if cover > (best?.cover ?? 0) { best = (m.image_id, a, cover) }
            }
            node = n.pointee.next
        }
        guard let b = best, b.cover >= PDFTextTolerances.embeddedScanMinCover, let surface = poppler_page_get_image(handle, b.id) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let areaW = abs(b.area.x2 - b.area.x1)
        let iw = Double(cairo_image_surface_get_width(surface))
        guard areaW > 0, iw > 0 else { return nil }
        return Self.gray(surface, dpi: iw / areaW * 72)
    }

    /// Grey pixels from a cairo image surface (RGB24/ARGB32: bytes B,G,R,X per pixel; A8 as is).
    private static func gray(_ surface: OpaquePointer, dpi: Double) -> GrayImage? {
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, let data = cairo_image_surface_get_data(surface) else { return nil }
        let format = cairo_image_surface_get_format(surface)
        var pixels = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = data + y * stride
                if format == CAIRO_FORMAT_A8 {
                    for x in 0..<w { out[y * w + x] = 255 &- row[x] }
                } else if format == CAIRO_FORMAT_A1 {
                    for x in 0..<w {
                        let bit = (row[x >> 3] >> UInt8(x & 7)) & 1
                        out[y * w + x] = bit == 1 ? 0 : 255
                    }
                } else {
                    for x in 0..<w {
                        let p = row + x * 4
                        // ITU-R 601 luma with integer weights: (77 R + 150 G + 29 B) / 256
                        let v = (77 * Int(p[2]) + 150 * Int(p[1]) + 29 * Int(p[0])) >> 8
                        out[y * w + x] = UInt8(v)
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels, dpi: dpi)
    }
}
