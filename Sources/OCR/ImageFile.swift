import CTesseract
import Foundation
import ScrutinyCore

/// Page images read from PNG, TIFF (every page of a multi-page TIFF) or JPEG files through
/// leptonica, as 8-bit grey with the file's resolution (300 dpi when the file has none).
/// Every leptonica pointer is created and destroyed inside these calls.
public enum ImageFile {
    /// The resolution assumed for files that do not record one.
    public static let defaultDPI: Double = 300

    /// The first (or only) page of an image file.
    public static func load(_ path: String) throws -> GrayImage {
        guard let first = try loadPages(path, limit: 1).first else { throw OCRError.unreadableImage(path) }
        return first
    }

    /// Every page of an image file: one for PNG/JPEG, each page of a multi-page TIFF.
    public static func loadPages(_ path: String, limit: Int = .max) throws -> [GrayImage] {
        guard FileManager.default.fileExists(atPath: path) else { throw OCRError.fileNotFound(path) }
        let tess = try TesseractLibrary.functions()
        _ = tess.setMsgSeverity(6)  // L_SEVERITY_NONE: our errors say what went wrong
        guard let first = tess.pixRead(path) else { throw OCRError.unreadableImage(path) }
        var pix: UnsafeMutablePointer<PIX>? = first
        defer { tess.pixDestroy(&pix) }
        let format = tess.pixGetInputFormat(first)
        var pages = [try grey(first, path: path, tess)]
        let isTIFF = [4, 5, 6, 7, 8, 9, 10, 17].contains(format)
        var n: Int32 = 1
        while isTIFF, pages.count < limit, let page = tess.pixReadTiff(path, n) {
            var next: UnsafeMutablePointer<PIX>? = page
            defer { tess.pixDestroy(&next) }
            pages.append(try grey(page, path: path, tess))
            n += 1
        }
        return Array(pages.prefix(limit))
    }

    /// Copies a PIX of any depth out as 8-bit grey.
    private static func grey(_ pix: UnsafeMutablePointer<PIX>, path: String, _ tess: ScrutinyTesseract) throws -> GrayImage {
        guard let g = tess.pixConvertTo8(pix, 0) else { throw OCRError.unreadableImage(path) }
        var owned: UnsafeMutablePointer<PIX>? = g
        defer { tess.pixDestroy(&owned) }
        var w: Int32 = 0, h: Int32 = 0, d: Int32 = 0
        _ = tess.pixGetDimensions(g, &w, &h, &d)
        guard w > 0, h > 0, d == 8, let data = tess.pixGetData(g) else { throw OCRError.unreadableImage(path) }
        let wpl = Int(tess.pixGetWpl(g))
        let width = Int(w), height = Int(h)
        var pixels = [UInt8](repeating: 255, count: width * height)
        // leptonica stores pixels in 32-bit words, most significant byte first.
        data.withMemoryRebound(to: UInt32.self, capacity: wpl * height) { words in
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = words + y * wpl
                    let base = y * width
                    for x in 0..<width {
                        out[base + x] = UInt8(truncatingIfNeeded: row[x >> 2] >> (UInt32(3 - (x & 3)) * 8))
                    }
                }
            }
        }
        let xres = Double(tess.pixGetXRes(pix))
        let dpi = xres > 1 ? xres : defaultDPI
        return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi)
    }
}
