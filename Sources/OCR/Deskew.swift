import Foundation
import ScrutinyCore

/// Skew estimation and correction for scanned pages, as pure functions on `GrayImage`.
///
/// The angle is found by a projection-profile search: dark pixels are projected onto
/// rows sheared by a candidate angle, and the angle whose row profile is the most peaked
/// (largest sum of squared differences between neighbouring rows) is the text's slope.
/// A coarse sweep over ±`maxAngle` is refined by finer sweeps around the best angle.
public enum Deskew {
    /// Pages tilted less than this (in degrees) are left alone.
    public static let defaultThreshold = 0.3

    /// The page's skew in degrees: positive when the text lines fall to the right
    /// (clockwise tilt in image coordinates, y down). 0 for blank pages.
    public static func estimateAngle(_ image: GrayImage, maxAngle: Double = 5) -> Double {
        let points = darkPoints(image)
        guard points.count >= OCRTolerances.deskewMinInkPoints else { return 0 }
        let height = Double(image.height)
        var best = 0.0
        var step = 0.25
        var lo = -maxAngle, hi = maxAngle
        for _ in 0..<4 {
            var bestScore = -1.0
            var a = lo
            while a <= hi + 1e-9 {
                let s = score(points, angle: a, width: Double(image.width), height: height)
                if s > bestScore { bestScore = s; best = a }
                a += step
            }
            lo = best - step; hi = best + step
            step /= 5
        }
        return best
    }

    /// The image rotated so that a page skewed by `angle` degrees (as `estimateAngle`
    /// reports it) becomes level. Uncovered corners are white. Same size and resolution.
    public static func rotate(_ image: GrayImage, by angle: Double) -> GrayImage {
        let w = image.width, h = image.height
        guard angle != 0, w > 1, h > 1 else { return image }
        let t = -angle * .pi / 180
        let c = cos(t), s = sin(t)
        let cx = Double(w - 1) / 2, cy = Double(h - 1) / 2
        var out = [UInt8](repeating: 255, count: w * h)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Double(y) - cy
                    // source = R(-t) · destination, about the centre
                    var sx = c * (0 - cx) + s * dy + cx
                    var sy = -s * (0 - cx) + c * dy + cy
                    for x in 0..<w {
                        defer { sx += c; sy -= s }
                        let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
                        guard x0 >= 0, y0 >= 0, x0 + 1 < w, y0 + 1 < h else { continue }
                        let fx = sx - Double(x0), fy = sy - Double(y0)
                        let i = y0 * w + x0
                        let top = Double(src[i]) * (1 - fx) + Double(src[i + 1]) * fx
                        let bottom = Double(src[i + w]) * (1 - fx) + Double(src[i + w + 1]) * fx
                        dst[y * w + x] = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out, dpi: image.dpi)
    }

    /// The image levelled when its skew exceeds `threshold` degrees, with the angle found.
    public static func straighten(_ image: GrayImage, threshold: Double = defaultThreshold) -> (image: GrayImage, angle: Double) {
        let angle = estimateAngle(image)
        guard abs(angle) > threshold else { return (image, angle) }
        return (rotate(image, by: angle), angle)
    }

    /// Dark pixels sampled on a grid (every 2nd pixel for pages up to ~2,500 px wide).
    static func darkPoints(_ image: GrayImage) -> [(x: Double, y: Double)] {
        let stride = max(1, max(image.width, image.height) / 1200)
        var points: [(x: Double, y: Double)] = []
        image.pixels.withUnsafeBufferPointer { px in
            var y = 0
            while y < image.height {
                var x = 0
                let row = y * image.width
                while x < image.width {
                    if px[row + x] < OCRTolerances.inkLevel { points.append((Double(x), Double(y))) }
                    x += stride
                }
                y += stride
            }
        }
        // a page that is mostly dark (inverted or a photo) gives no usable profile
        return Double(points.count) > OCRTolerances.darkPageShare * Double(image.width * image.height) / Double(stride * stride) ? [] : points
    }

    /// Peakedness of the row profile after shearing the points by `angle`.
    static func score(_ points: [(x: Double, y: Double)], angle: Double, width: Double, height: Double) -> Double {
        let slope = tan(angle * .pi / 180)
        let margin = abs(slope) * width
        let bins = Int(height + 2 * margin) + 2
        var profile = [Int](repeating: 0, count: bins)
        for p in points {
            let row = Int(p.y - slope * p.x + margin)
            if row >= 0, row < bins { profile[row] += 1 }
        }
        var total = 0.0
        for i in 1..<bins {
            let d = Double(profile[i] - profile[i - 1])
            total += d * d
        }
        return total
    }
}
