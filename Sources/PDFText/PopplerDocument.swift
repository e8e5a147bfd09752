import Foundation
import CPoppler
import CPopplerVector
import PageGeometry
import ScrutinyCore

/// An open PDF. Owns its bytes (mapped into memory once), the text-and-rules reader over
/// them (`CPopplerVector`) and, opened on first use, a poppler-glib document over the same
/// bytes for rendering pages; frees all three in `deinit`.
///
/// Not `Sendable` on purpose: poppler/cairo state must not be shared between threads
/// (rendering one document from two threads crashes). Open one per task and hand only value
/// types (`String`, `GrayImage`, `PageText`) to other tasks.
public final class PopplerDocument {
    /// The file's bytes (a `GBytes` over a read-only mapping): no small reads from the
    /// file, one copy shared by both readers.
    private let bytes: OpaquePointer
    /// The text-and-rules reader.
    private let reader: OpaquePointer
    /// The poppler-glib document, for rendering; opened on first `page(_:)`.
    private var renderer: OpaquePointer?
    private var rendererTried = false
    /// Number of pages in the document.
    public let pageCount: Int

    /// Opens the PDF at `path`. Throws `UnreadableInput` with a one-line reason: not found,
    /// encrypted (password required), damaged or truncated, no pages.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UnreadableInput("file not found: \(path)") }
        var err: UnsafeMutablePointer<GError>?
        guard let mapped = g_mapped_file_new(path, 0, &err) else {
            if let err { g_error_free(err) }
            throw UnreadableInput("cannot read the file")
        }
        let contents = g_mapped_file_get_bytes(mapped)
        g_mapped_file_unref(mapped) // the bytes keep the mapping
        guard let contents else { throw UnreadableInput("cannot read the file") }
        var length: gsize = 0
        let data = g_bytes_get_data(contents, &length)
        var failure: Int32 = 0
        guard let data, let doc = pv_open_bytes(data.assumingMemoryBound(to: CChar.self), Int(length), &failure) else {
            g_bytes_unref(contents)
            throw UnreadableInput(Int(failure) == PV_ERROR_ENCRYPTED ? "encrypted PDF (password required)" : "damaged or truncated PDF")
        }
        let n = Int(pv_page_count(doc))
        if n <= 0 {
            pv_close(doc)
            g_bytes_unref(contents)
            throw UnreadableInput("PDF has no pages")
        }
        bytes = contents
        reader = doc
        pageCount = n
    }

    deinit {
        if let renderer { g_object_unref(UnsafeMutableRawPointer(renderer)) }
        pv_close(reader)
        g_bytes_unref(bytes)
    }

    /// The text layer of the page at a 0-based index, with its ruling lines from the page's
    /// drawing operations (strokes and filled rectangles; no raster) when `rules` is given,
    /// all from one reading of the page. Nil when the page cannot be read.
    public func textLayer(page index: Int, rules: RuleFinder.Options?) -> PageTextLayer? {
        let o = rules.map {
            pv_options(min_horizontal: $0.minHorizontal, min_vertical: $0.minVertical,
                       max_thickness: $0.maxThickness, max_ink_gray: Double($0.darkLevel) / 255)
        } ?? pv_options(min_horizontal: 0, min_vertical: 0, max_thickness: 0, max_ink_gray: 0)
        guard let page = pv_read_page(reader, Int32(index), o, rules == nil ? 0 : 1) else { return nil }
        defer { pv_page_free(page) }
        let p = page.pointee
        func boxes(_ b: UnsafeMutablePointer<pv_box>?, _ n: Int) -> [Box] {
            guard let b else { return [] }
            return (0..<n).map { Box(x0: min(b[$0].x0, b[$0].x1), y0: min(b[$0].y0, b[$0].y1),
                                     x1: max(b[$0].x0, b[$0].x1), y1: max(b[$0].y0, b[$0].y1)) }
        }
        var runs: [PageTextLayer.FontRun] = []
        if let r = p.runs {
            runs.reserveCapacity(p.run_count)
            var boldByName: [String: Bool] = [:] // a page's runs share a few fonts
            for i in 0..<p.run_count {
                let name = r[i].font_name.map { String(cString: $0) } ?? ""
                let bold = boldByName[name] ?? PageTextLayer.FontRun.isBoldFont(name)
                boldByName[name] = bold
                runs.append(.init(start: r[i].start, end: r[i].end, fontName: name, fontSize: r[i].font_size, bold: bold))
            }
        }
        return PageTextLayer(width: p.width, height: p.height, text: p.text.map { String(cString: $0) } ?? "",
                             characterBoxes: boxes(p.char_boxes, p.char_count), fontRuns: runs,
                             rules: boxes(p.rules, p.rule_count))
    }

    /// The page at a 0-based index, for rendering.
    public func page(_ index: Int) -> PopplerPage? {
        if !rendererTried {
            rendererTried = true
            renderer = poppler_document_new_from_bytes(bytes, nil, nil)
        }
        guard let renderer, index >= 0, index < pageCount, let p = poppler_document_get_page(renderer, Int32(index)) else { return nil }
        return PopplerPage(handle: p, index: index, owner: self)
    }
}

/// One page's text layer as poppler reads it, with the page's ruling lines.
public struct PageTextLayer: Sendable {
    /// Page size in points, as displayed (a `/Rotate 90` page has width and height swapped).
    public var width: Double, height: Double
    /// The page's text in poppler's reading order, lines separated by `\n`.
    public var text: String
    /// One box per Unicode scalar of `text` (newlines included), in points, origin top-left.
    public var characterBoxes: [Box]
    /// Font runs over `text`.
    public var fontRuns: [FontRun]
    /// Ruling lines, when asked for.
    public var rules: [Box]

    /// A run of characters in one font: indices into the page text's Unicode scalars, inclusive.
    public struct FontRun: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var fontName: String
        public var fontSize: Double
        /// From the font name (`…-Bold`, `…Bold…`, `…Black`, `…Heavy`, `…Semibold`).
        public var bold: Bool

        /// Whether a font name names a bold face (`ABCDEF+Arial-BoldMT`, `Helvetica-Bold`, `Calibri,Bold`).
        public static func isBoldFont(_ name: String) -> Bool {
            let lower = name.lowercased()
            return lower.contains("bold") || lower.contains("black") || lower.contains("heavy")
                || lower.contains("semibold") || lower.contains("demi")
        }
    }
}

/// One page of a `PopplerDocument`, for rendering. Owns its `PopplerPage*` and keeps its
/// document alive. Not `Sendable`: use it on the task that opened the document.
public final class PopplerPage {
    private let handle: OpaquePointer
    private let owner: PopplerDocument
    /// 0-based page index.
    public let index: Int

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

    /// Renders never exceed this many pixels: a page with a hostile size (a "PDF bomb"
    /// 200,000 points wide) is rendered at a lower resolution instead of exhausting memory.
    public static let maxRenderPixels = 36_000_000.0

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
