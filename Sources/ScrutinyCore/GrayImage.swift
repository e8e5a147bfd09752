/// An 8-bit greyscale bitmap (0 = black), rows `width` bytes apart, handed from the PDF
/// renderer or an image file to OCR and to rule detection.
public struct GrayImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
    /// Resolution in dots per inch, used to map pixels back to points (72 per inch).
    public var dpi: Double

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Double) {
        precondition(pixels.count == width * height, "pixel buffer does not match the size")
        self.width = width; self.height = height; self.pixels = pixels; self.dpi = dpi
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}
