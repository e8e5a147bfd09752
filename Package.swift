// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Scrutiny",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scrutiny", targets: ["scrutiny"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // C libraries, as system modules found through pkg-config.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        // Tesseract and leptonica (Debian's libtesseract-dev, libleptonica-dev): their headers,
        // and the functions OCR calls bound on first use rather than linked, so the commands
        // that never OCR do not load them (see include/tesseract_loader.h).
        .target(name: "CTesseract"),
        // Ruling lines from a PDF page's drawing operations, through poppler's own
        // output-device interface (C++, Debian's libpoppler-private-dev), behind a C API.
        .target(name: "CPopplerVector",
                cxxSettings: [.unsafeFlags(["-I/usr/include/poppler"])],
                linkerSettings: [.linkedLibrary("poppler")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // Models, the Stage protocol, the artifact cache, errors.
        .target(name: "ScrutinyCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Stage: plain text / markdown / HTML exports -> pages of lines and tables.
        .target(name: "TextInput", dependencies: ["ScrutinyCore", "CLibXML2"]),
        // Stage: born-digital PDF text layer through poppler-glib.
        .target(name: "PageGeometry", dependencies: ["ScrutinyCore"]),
        .target(name: "PDFText", dependencies: ["ScrutinyCore", "PageGeometry", "CPoppler", "CPopplerVector"]),
        // Stage: OCR of scanned pages and images through libtesseract.
        .target(name: "OCR", dependencies: ["ScrutinyCore", "PageGeometry", "CTesseract"]),
        // Stage: running headers/footers, blocks, tables, split tables rejoined.
        .target(name: "Layout", dependencies: ["ScrutinyCore"]),
        // Stage: layout quirks, figures, dates, vocabularies.
        .target(name: "Normalise", dependencies: ["ScrutinyCore"]),
        // Stage: document metadata, indicator records, finance, activities, entities.
        .target(name: "Extract", dependencies: ["ScrutinyCore", "Normalise"]),
        // Stage: the SQLite corpus and its JSON Lines exports.
        .target(name: "Corpus", dependencies: ["ScrutinyCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Pipeline files, the stage registry, the batch runner.
        .target(name: "Pipeline", dependencies: ["ScrutinyCore", "TextInput", "PDFText", "PageGeometry", "OCR", "Layout",
                                                 "Normalise", "Extract", "Corpus", "Yams"]),
        // The read-only web pages over a corpus.
        .target(name: "Serve", dependencies: ["ScrutinyCore", "Corpus", .product(name: "Plot", package: "Plot"),
                                              .product(name: "Hummingbird", package: "hummingbird")]),
        .executableTarget(name: "scrutiny", dependencies: [
            "Pipeline", "Corpus", "Serve", "PDFText", "Layout", "OCR",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ScrutinyCoreTests", dependencies: ["ScrutinyCore"]),
        .testTarget(name: "TextInputTests", dependencies: ["TextInput"]),
        .testTarget(name: "NormaliseTests", dependencies: ["Normalise"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "TextInput", "Layout", "Normalise"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Corpus", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout"]),
        .testTarget(name: "PageGeometryTests", dependencies: ["PageGeometry"]),
        .testTarget(name: "PDFTextTests", dependencies: ["PDFText", "PageGeometry", "Layout", "CPoppler"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Corpus", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "Layout", "PDFText", "PageGeometry"]),
    ],
    cxxLanguageStandard: .cxx17
)
