import Foundation

// A compact positional binary format for the artifact cache (stage outputs only).
//
// Layout: the 4-byte magic `SCRB`, one format-version byte, then the value:
// - Int/Int8…Int64 as zigzag varints, UInt… as varints, Double as 8 little-endian bytes,
//   Float as 4, Bool as one byte (0 or 1);
// - String as a varint byte count plus its UTF-8;
// - Array (and Set through its unkeyed container — see below) as a varint count plus the
//   elements; Dictionary as a varint count plus key, value pairs;
// - Optional as a presence byte (0 absent, 1 present) followed by the value when present;
// - a keyed container as its values in call order, with no key names — except that a
//   nested container (or super encoder) opened through a keyed container is preceded by its
//   key's name, which is how synthesized enums with associated values find their case;
// - an unkeyed container that is not an Array as a 4-byte little-endian count plus its
//   elements (the count is patched as elements are written, so no element is buffered).

/// Encodes any `Encodable` value into the compact positional format of the artifact cache.
///
/// Keyed containers write no key names, so the contract is: **the decoder calls the same
/// keys, in the same order, with the same methods as the encoder** — which synthesized
/// `Codable` always does. An optional is written as a presence byte whichever way it is
/// encoded (`encodeIfPresent`, or `encode(_:forKey:)` with a value of Optional type), and
/// read back with `decodeIfPresent`, `decode(T?.self, …)` or `decodeNil` followed by `decode`.
/// A type whose decoding depends on which keys are present (`allKeys`, `contains`, probing
/// with `try?`) must encode positionally when ``isPositional(_:)`` says so (see
/// `OrderedFigures`, `EntityValue`). Not for interchange: use JSON there.
public struct BinaryEncoder {
    public init() {}

    /// The 4-byte magic at the start of every encoding.
    public static let magic: [UInt8] = Array("SCRB".utf8)
    /// The format version after the magic; bump it when the layout changes, so older cache
    /// entries are rejected (a cache miss) rather than misread.
    public static let formatVersion: UInt8 = 1

    /// Whether an encoder writes the positional binary format (so key names are not stored).
    public static func isPositional(_ encoder: Encoder) -> Bool { encoder is BinaryEncoding }

    /// The magic, the format version, then `value` — in one pass over one buffer.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let impl = BinaryEncoding()
        impl.bytes.reserveCapacity(4096)
        impl.bytes.append(contentsOf: Self.magic)
        impl.bytes.append(Self.formatVersion)
        try impl.encodeValue(value)
        return Data(impl.bytes)
    }
}

/// Decodes values written by ``BinaryEncoder``. Truncated, corrupt or trailing data, a wrong
/// magic or another format version throw `DecodingError.dataCorrupted`; nothing traps.
///
/// The same contract as the encoder: keys are read in the order they were written, since
/// none are stored. `contains(_:)` on a keyed container is always true (presence is a
/// property of the value, read by `decodeIfPresent`); `allKeys` answers only for an enum
/// with associated values (the key name written before its case's nested container) and is
/// empty otherwise.
public struct BinaryDecoder {
    public init() {}

    /// Whether a decoder reads the positional binary format.
    public static func isPositional(_ decoder: Decoder) -> Bool { decoder is BinaryDecoding }

    /// A value of `type` from `data`, which must hold exactly one encoding of it (magic and
    /// format version first, nothing after).
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let impl = BinaryDecoding(bytes: [UInt8](data))
        let header = BinaryEncoder.magic.count + 1
        guard impl.bytes.count >= header, Array(impl.bytes[0..<BinaryEncoder.magic.count]) == BinaryEncoder.magic else {
            throw BinaryDecoding.corrupt("not a binary cache entry (no `SCRB` magic)")
        }
        guard impl.bytes[BinaryEncoder.magic.count] == BinaryEncoder.formatVersion else {
            throw BinaryDecoding.corrupt("binary format version \(impl.bytes[BinaryEncoder.magic.count]), expected \(BinaryEncoder.formatVersion)")
        }
        impl.cursor = header
        let value = try impl.decodeValue(T.self)
        guard impl.cursor == impl.bytes.count else {
            throw BinaryDecoding.corrupt("\(impl.bytes.count - impl.cursor) bytes left after the value")
        }
        return value
    }
}

// MARK: - Type-directed fast paths (shared by encoder and decoder, so both agree)

/// Optional, recognised whatever container it passes through.
protocol BinaryOptionalEncodable { func binaryEncode(into e: BinaryEncoding) throws }
protocol BinaryOptionalDecodable { static func binaryDecode(from d: BinaryDecoding) throws -> Self }
/// Array and Dictionary: a varint count, then the elements.
protocol BinarySequenceEncodable { func binaryEncode(into e: BinaryEncoding) throws }
protocol BinarySequenceDecodable { static func binaryDecode(from d: BinaryDecoding) throws -> Self }

extension Optional: BinaryOptionalEncodable where Wrapped: Encodable {
    func binaryEncode(into e: BinaryEncoding) throws {
        switch self {
        case .none: e.bytes.append(0)
        case .some(let w): e.bytes.append(1); try e.encodeValue(w)
        }
    }
}

extension Optional: BinaryOptionalDecodable where Wrapped: Decodable {
    static func binaryDecode(from d: BinaryDecoding) throws -> Self {
        try d.readPresence() ? .some(try d.decodeValue(Wrapped.self)) : .none
    }
}

extension Array: BinarySequenceEncodable where Element: Encodable {
    func binaryEncode(into e: BinaryEncoding) throws {
        e.writeVarint(UInt64(count))
        for element in self { try e.encodeValue(element) }
    }
}

extension Array: BinarySequenceDecodable where Element: Decodable {
    static func binaryDecode(from d: BinaryDecoding) throws -> Self {
        let n = try d.readCount()
        var out: [Element] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try d.decodeValue(Element.self)) }
        return out
    }
}

extension Dictionary: BinarySequenceEncodable where Key: Encodable, Value: Encodable {
    func binaryEncode(into e: BinaryEncoding) throws {
        e.writeVarint(UInt64(count))
        for (k, v) in self { try e.encodeValue(k); try e.encodeValue(v) }
    }
}

extension Dictionary: BinarySequenceDecodable where Key: Decodable, Value: Decodable {
    static func binaryDecode(from d: BinaryDecoding) throws -> Self {
        let n = try d.readCount()
        var out: [Key: Value] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n {
            let k = try d.decodeValue(Key.self)
            out[k] = try d.decodeValue(Value.self)
        }
        return out
    }
}

// MARK: - Encoding

/// The encoder state: one growing buffer shared by every container.
final class BinaryEncoding: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    @inline(__always) func writeVarint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    @inline(__always) func writeSigned(_ v: Int64) { writeVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    @inline(__always) func writeBool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    @inline(__always) func writeDouble(_ v: Double) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    @inline(__always) func writeFloat(_ v: Float) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    @inline(__always) func writeString(_ v: String) {
        var s = v
        s.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
    func writeKey(_ key: CodingKey) { writeString(key.stringValue) }
    /// An optional's presence byte, then the value when present.
    @inline(__always) func writeOptional(_ v: Double?) {
        if let v { bytes.append(1); writeDouble(v) } else { bytes.append(0) }
    }
    @inline(__always) func writeOptional(_ v: Int?) {
        if let v { bytes.append(1); writeSigned(Int64(v)) } else { bytes.append(0) }
    }
    @inline(__always) func writeOptional<T: BinaryDirectEncodable>(_ v: T?) {
        if let v { bytes.append(1); v.binaryEncode(into: self) } else { bytes.append(0) }
    }
    /// An array of strings or hot types: a varint count, then the elements (as
    /// `Array.binaryEncode` writes it, without a type test per element).
    @inline(__always) func writeArray<T: BinaryDirectEncodable>(_ a: [T]) {
        writeVarint(UInt64(a.count))
        for element in a { element.binaryEncode(into: self) }
    }

    /// Writes any value: primitives directly, optionals, arrays and dictionaries by their
    /// fast paths, everything else through its own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { writeString(value as! String) }
        else if T.self == Double.self { writeDouble(value as! Double) }
        else if T.self == Int.self { writeSigned(Int64(value as! Int)) }
        else if T.self == Bool.self { writeBool(value as! Bool) }
        else {
            // which fast path a type takes is worked out once per type: a failed cast to
            // each protocol for every struct written was a fifth of a cache write
            let id = ObjectIdentifier(T.self)
            let path: FastPath
            if let known = fastPaths[id] { path = known } else {
                // optional first: a present optional also casts to its wrapped type's protocols
                path = value is BinaryOptionalEncodable ? .optional : value is BinarySequenceEncodable ? .sequence
                    : writesHotTypesDirectly && value is BinaryDirectEncodable ? .direct : .none
                fastPaths[id] = path
            }
            switch path {
            case .optional: try (value as! BinaryOptionalEncodable).binaryEncode(into: self)
            case .sequence: try (value as! BinarySequenceEncodable).binaryEncode(into: self)
            case .direct: (value as! BinaryDirectEncodable).binaryEncode(into: self)
            case .none: try encodeOther(value)
            }
        }
    }

    /// The protocol fast path, if any, a non-primitive type's values take.
    enum FastPath { case optional, sequence, direct, none }
    /// Fast paths by type, for this encoding.
    var fastPaths: [ObjectIdentifier: FastPath] = [:]
    /// Whether the hot types write themselves (`BinaryDirectEncodable`); tests turn it off
    /// to get their synthesized encoding's bytes to compare with.
    var writesHotTypesDirectly = true

    /// The rarer primitives, then the value's own `encode(to:)`.
    func encodeOther<T: Encodable>(_ value: T) throws {
        if T.self == Float.self { writeFloat(value as! Float) }
        else if T.self == Int8.self { writeSigned(Int64(value as! Int8)) }
        else if T.self == Int16.self { writeSigned(Int64(value as! Int16)) }
        else if T.self == Int32.self { writeSigned(Int64(value as! Int32)) }
        else if T.self == Int64.self { writeSigned(value as! Int64) }
        else if T.self == UInt.self { writeVarint(UInt64(value as! UInt)) }
        else if T.self == UInt8.self { writeVarint(UInt64(value as! UInt8)) }
        else if T.self == UInt16.self { writeVarint(UInt64(value as! UInt16)) }
        else if T.self == UInt32.self { writeVarint(UInt64(value as! UInt32)) }
        else if T.self == UInt64.self { writeVarint(value as! UInt64) }
        else { try value.encode(to: self) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncoder<Key>(e: self))
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer { BinaryUnkeyedEncoder(e: self) }
    func singleValueContainer() -> SingleValueEncodingContainer { BinarySingleEncoder(e: self) }
}

/// Values in call order, no key names; optionals with a presence byte.
struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let e: BinaryEncoding
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { e.bytes.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { e.writeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { e.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { e.writeDouble(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { e.writeFloat(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { e.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { e.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { e.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { e.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { e.writeSigned(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { e.writeVarint(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { e.writeVarint(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { e.writeVarint(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { e.writeVarint(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { e.writeVarint(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try e.encodeValue(value) }

    // The stdlib's default `encodeIfPresent` writes nothing for nil; here every optional
    // writes its presence byte, the same bytes as `encode(_:forKey:)` with an Optional.
    // The common primitives write their presence byte and value directly: going through
    // `encodeValue` would cast the optional to find its fast path, a protocol-conformance
    // lookup per field (the most frequent call of a cache write). Same bytes either way.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { e.bytes.append(1); e.writeBool(value) } else { e.bytes.append(0) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { e.bytes.append(1); e.writeString(value) } else { e.bytes.append(0) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { e.writeOptional(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { e.writeOptional(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try e.encodeValue(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try e.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        e.writeKey(key)
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(e: e))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        e.writeKey(key)
        return BinaryUnkeyedEncoder(e: e)
    }
    mutating func superEncoder() -> Encoder { e.writeString("super"); return e }
    mutating func superEncoder(forKey key: Key) -> Encoder { e.writeKey(key); return e }
}

/// A 4-byte count, patched as elements are written, then the elements.
struct BinaryUnkeyedEncoder: UnkeyedEncodingContainer {
    let e: BinaryEncoding
    let countAt: Int
    private(set) var count = 0
    var codingPath: [CodingKey] { [] }

    init(e: BinaryEncoding) {
        self.e = e
        countAt = e.bytes.count
        e.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func counted() {
        count += 1
        let c = UInt32(truncatingIfNeeded: count)
        for i in 0..<4 { e.bytes[countAt + i] = UInt8(truncatingIfNeeded: c >> (8 * UInt32(i))) }
    }

    mutating func encodeNil() throws { e.bytes.append(0); counted() }
    mutating func encode<T: Encodable>(_ value: T) throws { try e.encodeValue(value); counted() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(e: e))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { counted(); return BinaryUnkeyedEncoder(e: e) }
    mutating func superEncoder() -> Encoder { counted(); return e }
}

/// One value, no framing. `encodeNil` writes an absent presence byte (Optional's own
/// conformance never runs here: optionals are caught by the fast path first).
struct BinarySingleEncoder: SingleValueEncodingContainer {
    let e: BinaryEncoding
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { e.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T) throws { try e.encodeValue(value) }
}

// MARK: - Hand-written encodings of the hot types

/// A type of the stage outputs written field by field straight into the buffer: the same
/// bytes its synthesized `encode(to:)` writes through the containers (values in declaration
/// order, optionals with a presence byte, a string enum as its raw value), without opening a
/// boxed keyed container or looking up each field's fast path. The text stage writes one
/// `Word` per word of a paper, so these were most of a cache write. Decoding stays
/// synthesized; tests pin that both ways give the same bytes. A field added to one of these
/// types must be added here too (the tests fail until it is).
protocol BinaryDirectEncodable { func binaryEncode(into e: BinaryEncoding) }

extension String: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) { e.writeString(self) }
}

extension Box: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeDouble(x0); e.writeDouble(y0); e.writeDouble(x1); e.writeDouble(y1)
    }
}

extension Word: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeString(text); e.writeOptional(box); e.writeOptional(fontSize); e.writeBool(bold)
        e.writeOptional(confidence)
    }
}

extension TextLine: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeArray(cells)
        if let cellBoxes { e.bytes.append(1); e.writeArray(cellBoxes) } else { e.bytes.append(0) }
        e.writeOptional(box); e.writeArray(words); e.writeBool(bold); e.writeOptional(headingLevel)
        e.writeOptional(fontSize); e.writeOptional(tableRegion)
    }
}

extension PageText: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeOptional(number); e.writeOptional(width); e.writeOptional(height); e.writeArray(lines)
        e.writeArray(rules); e.writeString(method.rawValue); e.writeArray(warnings); e.writeBool(needsOCR)
    }
}

extension SourceDocument: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeString(docID); e.writeString(source); e.writeString(path); e.writeString(kind.rawValue)
        e.writeSigned(Int64(byteCount))
    }
}

extension Provenance: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeOptional(page); e.writeSigned(Int64(line)); e.writeOptional(box)
    }
}

extension TableRow: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        e.writeArray(cells); at.binaryEncode(into: e); e.writeOptional(confidence)
    }
}

extension DocumentText: BinaryDirectEncodable {
    func binaryEncode(into e: BinaryEncoding) {
        source.binaryEncode(into: e); e.writeArray(pages); e.writeOptional(pageCount)
    }
}

// MARK: - Decoding

/// The decoder state: the bytes and a cursor shared by every container.
final class BinaryDecoding: Decoder {
    let bytes: [UInt8]
    var cursor = 0
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func corrupt(_ what: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "binary cache entry: \(what)"))
    }

    @inline(__always) func need(_ n: Int) throws {
        guard n >= 0, bytes.count - cursor >= n else { throw Self.corrupt("truncated at byte \(cursor)") }
    }
    @inline(__always) func readByte() throws -> UInt8 {
        try need(1)
        defer { cursor += 1 }
        return bytes[cursor]
    }
    func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            guard shift < 64 else { throw Self.corrupt("varint too long at byte \(cursor)") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }
    func readSigned() throws -> Int64 {
        let z = try readVarint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }
    /// A count or length: never more than the bytes left (every element takes at least one).
    func readCount() throws -> Int {
        let n = try readVarint()
        guard n <= UInt64(bytes.count - cursor) else { throw Self.corrupt("count \(n) past the end at byte \(cursor)") }
        return Int(n)
    }
    func readInt<I: FixedWidthInteger & SignedInteger>(_: I.Type) throws -> I {
        guard let v = I(exactly: try readSigned()) else { throw Self.corrupt("integer out of range at byte \(cursor)") }
        return v
    }
    func readUInt<I: FixedWidthInteger & UnsignedInteger>(_: I.Type) throws -> I {
        guard let v = I(exactly: try readVarint()) else { throw Self.corrupt("integer out of range at byte \(cursor)") }
        return v
    }
    func readBool() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let b: throw Self.corrupt("bool byte \(b) at byte \(cursor - 1)")
        }
    }
    /// An optional's presence byte.
    func readPresence() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let b: throw Self.corrupt("presence byte \(b) at byte \(cursor - 1)")
        }
    }
    func readUInt64LE() throws -> UInt64 {
        try need(8)
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[cursor + i]) << (8 * UInt64(i)) }
        cursor += 8
        return v
    }
    func readDouble() throws -> Double { Double(bitPattern: try readUInt64LE()) }
    func readFloat() throws -> Float {
        try need(4)
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[cursor + i]) << (8 * UInt32(i)) }
        cursor += 4
        return Float(bitPattern: v)
    }
    func readString() throws -> String {
        let n = try readCount()
        let start = cursor
        cursor += n
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + n]), as: UTF8.self) }
    }
    /// The key name before a nested container opened through a keyed container.
    func readKey<Key: CodingKey>(_ key: Key) throws {
        let name = try readString()
        guard name == key.stringValue else { throw Self.corrupt("expected key `\(key.stringValue)`, found `\(name)`") }
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try readString() as! T }
        if T.self == Double.self { return try readDouble() as! T }
        if T.self == Int.self { return try readInt(Int.self) as! T }
        if T.self == Bool.self { return try readBool() as! T }
        if let o = T.self as? BinaryOptionalDecodable.Type { return try o.binaryDecode(from: self) as! T }
        if let s = T.self as? BinarySequenceDecodable.Type { return try s.binaryDecode(from: self) as! T }
        if T.self == Float.self { return try readFloat() as! T }
        if T.self == Int8.self { return try readInt(Int8.self) as! T }
        if T.self == Int16.self { return try readInt(Int16.self) as! T }
        if T.self == Int32.self { return try readInt(Int32.self) as! T }
        if T.self == Int64.self { return try readInt(Int64.self) as! T }
        if T.self == UInt.self { return try readUInt(UInt.self) as! T }
        if T.self == UInt8.self { return try readUInt(UInt8.self) as! T }
        if T.self == UInt16.self { return try readUInt(UInt16.self) as! T }
        if T.self == UInt32.self { return try readUInt(UInt32.self) as! T }
        if T.self == UInt64.self { return try readUInt(UInt64.self) as! T }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(BinaryKeyedDecoder<Key>(d: self))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try BinaryUnkeyedDecoder(d: self) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { BinarySingleDecoder(d: self) }
}

/// Reads values in call order; see ``BinaryDecoder`` for `contains` and `allKeys`.
struct BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let d: BinaryDecoding
    var codingPath: [CodingKey] { [] }

    /// Only an enum with associated values asks: the next bytes are its case's key name.
    /// Anything else gets no keys (then the nested-container read checks the name and throws).
    var allKeys: [Key] {
        let saved = d.cursor
        defer { d.cursor = saved }
        guard let name = try? d.readString(), let key = Key(stringValue: name) else { return [] }
        return [key]
    }
    /// Always true: presence is a property of the value, read by `decodeIfPresent`.
    func contains(_ key: Key) -> Bool { true }

    /// Reads a presence byte: true (absent) or false (present; the value follows, read by
    /// the next `decode`).
    func decodeNil(forKey key: Key) throws -> Bool { !(try d.readPresence()) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try d.readBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try d.readString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try d.readDouble() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try d.readFloat() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try d.readInt(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try d.readInt(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try d.readInt(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try d.readInt(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try d.readInt(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try d.readUInt(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try d.readUInt(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try d.readUInt(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try d.readUInt(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try d.readUInt(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try d.decodeValue(T.self) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try d.decodeValue(Bool?.self) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try d.decodeValue(String?.self) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try d.decodeValue(Double?.self) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try d.decodeValue(Float?.self) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try d.decodeValue(Int?.self) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try d.decodeValue(Int8?.self) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try d.decodeValue(Int16?.self) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try d.decodeValue(Int32?.self) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try d.decodeValue(Int64?.self) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try d.decodeValue(UInt?.self) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try d.decodeValue(UInt8?.self) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try d.decodeValue(UInt16?.self) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try d.decodeValue(UInt32?.self) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try d.decodeValue(UInt64?.self) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try d.decodeValue(T?.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try d.readKey(key)
        return KeyedDecodingContainer(BinaryKeyedDecoder<NestedKey>(d: d))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try d.readKey(key)
        return try BinaryUnkeyedDecoder(d: d)
    }
    func superDecoder() throws -> Decoder {
        guard try d.readString() == "super" else { throw BinaryDecoding.corrupt("expected a super decoder") }
        return d
    }
    func superDecoder(forKey key: Key) throws -> Decoder { try d.readKey(key); return d }
}

/// Reads the 4-byte count, then that many elements.
struct BinaryUnkeyedDecoder: UnkeyedDecodingContainer {
    let d: BinaryDecoding
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(d: BinaryDecoding) throws {
        self.d = d
        try d.need(4)
        var c = 0
        for i in 0..<4 { c |= Int(d.bytes[d.cursor + i]) << (8 * i) }
        d.cursor += 4
        guard c <= d.bytes.count - d.cursor else { throw BinaryDecoding.corrupt("count \(c) past the end") }
        count = c
    }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryDecoding.corrupt("read past the end of an unkeyed container") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw BinaryDecoding.corrupt("read past the end of an unkeyed container") }
        let absent = !(try d.readPresence())
        if absent { currentIndex += 1 }
        return absent
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(); return try d.decodeValue(T.self) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(BinaryKeyedDecoder<NestedKey>(d: d))
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next(); return try BinaryUnkeyedDecoder(d: d) }
    mutating func superDecoder() throws -> Decoder { try next(); return d }
}

/// One value. `decodeNil` reads a presence byte, as Optional's own conformance expects.
struct BinarySingleDecoder: SingleValueDecodingContainer {
    let d: BinaryDecoding
    var codingPath: [CodingKey] { [] }
    func decodeNil() -> Bool {
        // A protocol requirement that cannot throw: at the end, report a value (whose read throws).
        guard d.cursor < d.bytes.count, d.bytes[d.cursor] <= 1 else { return false }
        let absent = d.bytes[d.cursor] == 0
        d.cursor += 1
        return absent
    }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try d.decodeValue(T.self) }
}
