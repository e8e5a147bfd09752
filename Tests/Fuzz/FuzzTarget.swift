// libFuzzer entry point over the figure, date and period parsers, the layout quirks, the
// OCR repairs and the text-export reader. Built by `make fuzz` (Tests/Fuzz/fuzz.sh) with
// `swiftc -sanitize=fuzzer,address`, outside the package build.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let text = String(decoding: data, as: UTF8.self)
    _ = FigureParser.parse(text)
    _ = FigureParser.parse(text, scale: 1000, moneyContext: true)
    _ = DateParser.parse(text)
    _ = DateParser.find(in: text)
    _ = PeriodParser.financialYear(in: text)
    _ = PeriodParser.quarter(in: text)
    _ = PolarityParser.parse(text)
    _ = StatusParser.parse(text)
    _ = TrendParser.parse(text)
    _ = LayoutQuirks.fixGluedQuarterYear(text)
    _ = LayoutQuirks.cleanTitle(text)
    _ = LayoutQuirks.splitFieldFragment(text)
    let half = text.index(text.startIndex, offsetBy: text.count / 2)
    _ = LayoutQuirks.joinSplitWord(String(text[..<half]), String(text[half...]))
    // OCR repairs over the text's words as one table row / column
    let cells = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    _ = OCRConfusions.fix(text)
    _ = OCRColumnRepairs.repairLostDecimalPoints(cells)
    _ = OCRColumnRepairs.repairLoneDigits(cells)
    _ = OCRColumnRepairs.repairSymbols(cells)
    _ = OCRColumnRepairs.repairCodes(cells)
    _ = TextSimilarity.ratio(String(text[..<half]), String(text[half...]))
    let source = SourceDocument(docID: "fuzz", source: "fuzz.txt", path: "/dev/null", kind: .text, byteCount: count)
    _ = try? TextExportReader().read(source, data: data)
    var html = source
    html.kind = .html
    _ = try? TextExportReader().read(html, data: data)
    return 0
}
