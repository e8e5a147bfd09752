import Foundation
import ScrutinyCore
import Normalise

/// Runs every extractor over a laid-out document and assembles the corpus rows.
/// Each extractor keys on structure and vocabulary (column labels, field labels, status
/// words), so the same rules serve every council's papers.
public struct DocumentExtractor: Sendable {
    public init() {}

    public func extract(_ doc: LaidOutDocument) -> Extraction {
        let meta = DocumentMetadataExtractor().extract(doc)
        let docID = doc.source.docID
        var records = RecordAssemblers.records(in: AssemblyContext(doc: doc, meta: meta))
        let finance = FinanceTableExtractor().extract(doc)
        let activities = ActivityTableExtractor().extract(doc)
        let tables = doc.tables.map {
            TableRowOut(docID: docID, pages: $0.pages, caption: $0.caption, header: $0.header, rows: $0.rows.map(\.cells))
        }
        for i in records.indices {
            records[i].docID = docID
            records[i].authority = meta.authority
            records[i].financialYear = meta.financialYear
            records[i].quarter = meta.quarter
        }
        var pageText: [Int?: [String]] = [:]
        var order: [Int?] = []
        for p in doc.paragraphs {
            if pageText[p.at.page] == nil { order.append(p.at.page) }
            pageText[p.at.page, default: []].append(p.text)
        }
        let pageTexts = order.map { PageTextRow(docID: docID, page: $0, text: pageText[$0]!.joined(separator: "\n")) }
        let entities = EntityExtractor().extract(doc, records: records, activities: activities, authority: meta.authority)
        var extraction = Extraction(document: meta, records: records, finance: finance, activities: activities,
                                    tables: tables, entities: entities, pageTexts: pageTexts)
        extraction.coverage = CoverageCounter().coverage(of: doc, extraction: extraction)
        return extraction
    }
}
