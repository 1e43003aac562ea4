internal import CQPDF
import Foundation
import NaraFiles
import NaraModel

/// An object handle of one `QPDFDocument` (libqpdf's `qpdf_oh`, kept out of every public API).
struct PDFObject {
  fileprivate let handle: qpdf_oh
}

/// One PDF opened with libqpdf's C API, the only owner of its `qpdf_data`. Every call is
/// checked with `qpdf_has_error` (the C API reports most failures only there) and a failure
/// throws a `RenderError` naming the call and qpdf's full text.
final class QPDFDocument {
  private let q: qpdf_data
  let path: String
  /// The file's bytes, which libqpdf reads from (it keeps no copy): reading from memory
  /// instead of the file saves libqpdf's seek and read system calls, one for each of its
  /// small reads (about a third of the time it took to finish a leaflet).
  private let bytes: UnsafeMutableRawBufferPointer

  init(reading path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RenderError("making the PDF accessible failed: cannot read \(path)")
    }
    guard let q = qpdf_init() else { throw RenderError("qpdf_init failed") }
    self.q = q
    self.path = path
    bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 1)
    data.copyBytes(to: bytes)
    // We check every call ourselves; without this qpdf also prints errors to stderr.
    qpdf_silence_errors(q)
    // Our input is Cairo's fresh output: if it needs repair something is wrong, so say so
    // instead of quietly writing a reconstructed file.
    qpdf_set_attempt_recovery(q, 0)
    _ = qpdf_read_memory(q, path, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(data.count), nil)
    try check("qpdf_read(\(path))")
  }

  deinit {
    var handle: qpdf_data? = q
    qpdf_cleanup(&handle)
    bytes.deallocate()
  }

  /// Throws if the last libqpdf call failed; drops warnings (they are not failures).
  func check(_ what: @autoclosure () -> String) throws {
    defer { while qpdf_more_warnings(q) != 0 { _ = qpdf_next_warning(q) } }
    guard qpdf_has_error(q) != 0 else { return }
    let e = qpdf_get_error(q)
    let text = e.flatMap { qpdf_get_error_full_text(q, $0) }.map { String(cString: $0) } ?? "unknown error"
    throw RenderError("making the PDF accessible failed: \(what()): \(text)")
  }

  private func call<T>(_ what: @autoclosure () -> String, _ body: (qpdf_data) -> T) throws -> T {
    let result = body(q)
    try check(what())
    return result
  }

  // MARK: Reading

  func root() throws -> PDFObject { PDFObject(handle: try call("qpdf_get_root") { qpdf_get_root($0) }) }
  func trailer() throws -> PDFObject { PDFObject(handle: try call("qpdf_get_trailer") { qpdf_get_trailer($0) }) }

  func pages() throws -> [PDFObject] {
    let n = try call("qpdf_get_num_pages") { qpdf_get_num_pages($0) }
    guard n >= 0 else { throw RenderError("making the PDF accessible failed: qpdf_get_num_pages returned \(n)") }
    return try (0..<n).map { i in PDFObject(handle: try call("qpdf_get_page_n(\(i))") { qpdf_get_page_n($0, Int(i)) }) }
  }

  /// Every object of the file's cross-reference table, in object-number order.
  func allObjects() throws -> [PDFObject] {
    let size = try integer(try key("/Size", of: try trailer())) ?? 0
    var out: [PDFObject] = []
    for id in 1..<max(1, size) {
      let o = try call("qpdf_get_object_by_id(\(id))") { qpdf_get_object_by_id($0, Int32(id), 0) }
      if qpdf_oh_is_null(q, o) == 0 { out.append(PDFObject(handle: o)) }
    }
    return out
  }

  func key(_ name: String, of o: PDFObject) throws -> PDFObject {
    PDFObject(handle: try call("qpdf_oh_get_key(\(name))") { qpdf_oh_get_key($0, o.handle, name) })
  }

  func hasKey(_ name: String, _ o: PDFObject) throws -> Bool {
    try call("qpdf_oh_has_key(\(name))") { qpdf_oh_has_key($0, o.handle, name) } != 0
  }

  func isNull(_ o: PDFObject) -> Bool { qpdf_oh_is_null(q, o.handle) != 0 }
  func isDictionary(_ o: PDFObject) -> Bool { qpdf_oh_is_dictionary(q, o.handle) != 0 }
  func isArray(_ o: PDFObject) -> Bool { qpdf_oh_is_array(q, o.handle) != 0 }
  func isStream(_ o: PDFObject) -> Bool { qpdf_oh_is_stream(q, o.handle) != 0 }
  func isName(_ o: PDFObject, _ name: String) -> Bool { qpdf_oh_is_name_and_equals(q, o.handle, name) != 0 }
  /// The object number, or 0 for a direct object.
  func objectID(_ o: PDFObject) -> Int { Int(qpdf_oh_get_object_id(q, o.handle)) }

  func integer(_ o: PDFObject) throws -> Int? {
    guard qpdf_oh_is_integer(q, o.handle) != 0 else { return nil }
    return Int(try call("qpdf_oh_get_int_value") { qpdf_oh_get_int_value($0, o.handle) })
  }

  /// A string object's text (PDFDocEncoding or UTF-16 decoded), or nil for other types.
  func text(_ o: PDFObject) throws -> String? {
    guard qpdf_oh_is_string(q, o.handle) != 0 else { return nil }
    var length = 0
    guard let p = try call("qpdf_oh_get_binary_utf8_value", { qpdf_oh_get_binary_utf8_value($0, o.handle, &length) }) else { return nil }
    return String(decoding: UnsafeRawBufferPointer(start: p, count: length), as: UTF8.self)
  }

  /// The items of an array; a single non-null object counts as a one-item array (as PDF's
  /// `/K`, `/Contents` and `/DescendantFonts` allow).
  func items(_ o: PDFObject) throws -> [PDFObject] {
    guard isArray(o) else { return isNull(o) ? [] : [o] }
    let n = try call("qpdf_oh_get_array_n_items") { qpdf_oh_get_array_n_items($0, o.handle) }
    return try (0..<n).map { i in PDFObject(handle: try call("qpdf_oh_get_array_item") { qpdf_oh_get_array_item($0, o.handle, i) }) }
  }

  /// The dictionary of a stream.
  func streamDictionary(_ o: PDFObject) throws -> PDFObject {
    PDFObject(handle: try call("qpdf_oh_get_dict") { qpdf_oh_get_dict($0, o.handle) })
  }

  /// A page's content streams, concatenated and decoded.
  func pageContent(_ page: PDFObject) throws -> [UInt8] {
    var buffer: UnsafeMutablePointer<UInt8>?
    var length = 0
    _ = try call("qpdf_oh_get_page_content_data") { qpdf_oh_get_page_content_data($0, page.handle, &buffer, &length) }
    defer { free(buffer) }
    guard let buffer else { return [] }
    return Array(UnsafeBufferPointer(start: buffer, count: length))
  }

  /// A stream's data, decoded (`all` also decodes lossy filters such as JPEG); nil when
  /// qpdf cannot decode it.
  func streamData(_ stream: PDFObject, all: Bool = false) throws -> [UInt8]? {
    var buffer: UnsafeMutablePointer<UInt8>?
    var length = 0
    var filtered: QPDF_BOOL = 0
    _ = try call("qpdf_oh_get_stream_data") {
      qpdf_oh_get_stream_data($0, stream.handle, all ? qpdf_dl_all : qpdf_dl_generalized, &filtered, &buffer, &length)
    }
    defer { free(buffer) }
    guard filtered != 0, let buffer else { return nil }
    return Array(UnsafeBufferPointer(start: buffer, count: length))
  }

  /// An integer or real's value; nil for other objects.
  func number(_ o: PDFObject) -> Double? {
    guard qpdf_oh_is_number(q, o.handle) != 0 else { return nil }
    return qpdf_oh_get_numeric_value(q, o.handle)
  }

  /// A name's text with its slash (`/DeviceRGB`); nil for other objects.
  func nameValue(_ o: PDFObject) -> String? {
    guard qpdf_oh_is_name(q, o.handle) != 0, let p = qpdf_oh_get_name(q, o.handle) else { return nil }
    return String(cString: p)
  }

  func keys(of dict: PDFObject) throws -> [String] {
    guard isDictionary(dict) else { return [] }
    var out: [String] = []
    qpdf_oh_begin_dict_key_iter(q, dict.handle)
    while qpdf_oh_dict_more_keys(q) != 0 {
      if let k = qpdf_oh_dict_next_key(q) { out.append(String(cString: k)) }
    }
    try check("reading a dictionary's keys")
    return out
  }

  // MARK: Writing objects

  func integer(_ v: Int) throws -> PDFObject { PDFObject(handle: try call("qpdf_oh_new_integer") { qpdf_oh_new_integer($0, Int64(v)) }) }
  func real(_ v: Double, places: Int32 = 3) throws -> PDFObject {
    PDFObject(handle: try call("qpdf_oh_new_real_from_double") { qpdf_oh_new_real_from_double($0, v, places) })
  }
  /// `[a b c d]` of reals, for page boxes.
  func box(_ r: (Double, Double, Double, Double)) throws -> PDFObject {
    try array([try real(r.0), try real(r.1), try real(r.2), try real(r.3)])
  }
  func removeKey(_ name: String, of o: PDFObject) throws {
    try call("qpdf_oh_remove_key(\(name))") { qpdf_oh_remove_key($0, o.handle, name) }
  }

  func set(_ name: String, of o: PDFObject, to value: PDFObject) throws {
    try call("qpdf_oh_replace_key(\(name))") { qpdf_oh_replace_key($0, o.handle, name, value.handle) }
  }

  func name(_ n: String) throws -> PDFObject { PDFObject(handle: try call("qpdf_oh_new_name") { qpdf_oh_new_name($0, n) }) }
  func bool(_ b: Bool) throws -> PDFObject { PDFObject(handle: try call("qpdf_oh_new_bool") { qpdf_oh_new_bool($0, b ? 1 : 0) }) }
  func dictionary() throws -> PDFObject { PDFObject(handle: try call("qpdf_oh_new_dictionary") { qpdf_oh_new_dictionary($0) }) }
  func array(_ items: [PDFObject]) throws -> PDFObject {
    let a = try call("qpdf_oh_new_array") { qpdf_oh_new_array($0) }
    for item in items { try call("qpdf_oh_append_item") { qpdf_oh_append_item($0, a, item.handle) } }
    return PDFObject(handle: a)
  }
  /// An empty dictionary as a new indirect object (structure elements must be indirect).
  func newIndirectDictionary() throws -> PDFObject {
    let d = try call("qpdf_oh_new_dictionary") { qpdf_oh_new_dictionary($0) }
    return PDFObject(handle: try call("qpdf_make_indirect_object") { qpdf_make_indirect_object($0, d) })
  }
  /// A text string: PDFDocEncoding when it fits, UTF-16BE otherwise (qpdf decides).
  func unicodeString(_ s: String) throws -> PDFObject {
    PDFObject(handle: try call("qpdf_oh_new_unicode_string") { qpdf_oh_new_unicode_string($0, s) })
  }
  /// A byte string (dates, which are ASCII by definition).
  func string(_ s: String) throws -> PDFObject { PDFObject(handle: try call("qpdf_oh_new_string") { qpdf_oh_new_string($0, s) }) }

  /// A new indirect stream holding `data` unfiltered (the writer compresses it).
  func newStream(_ data: [UInt8]) throws -> PDFObject {
    let s = try call("qpdf_oh_new_stream") { qpdf_oh_new_stream($0) }
    let o = PDFObject(handle: s)
    try replaceData(of: o, with: data)
    return PDFObject(handle: try call("qpdf_make_indirect_object") { qpdf_make_indirect_object($0, s) })
  }

  /// Replaces a stream's data with unfiltered bytes (its /Filter and /DecodeParms go).
  func replaceData(of stream: PDFObject, with data: [UInt8]) throws {
    let null = try call("qpdf_oh_new_null") { qpdf_oh_new_null($0) }
    try data.withUnsafeBufferPointer { bytes in
      try call("qpdf_oh_replace_stream_data") { qpdf_oh_replace_stream_data($0, stream.handle, bytes.baseAddress, bytes.count, null, null) }
    }
  }

  // MARK: Writing the file

  /// Writes the document over its own file: to `path + ".qpdf"`, then renamed. The output
  /// depends only on the input: `/ID` comes from the content (deterministic ID), streams
  /// that are already compressed stay as they are, new ones are Flate-compressed, and no
  /// object streams are made (the same layout Cairo writes).
  func writeInPlace() throws {
    let temp = path + ".qpdf"
    // Removed on a signal too, like the file it replaces (`AtomicFile`'s temporary).
    let token = TemporaryFiles.register(temp)
    defer { TemporaryFiles.unregister(token) }
    do {
      _ = try call("qpdf_init_write(\(temp))") { qpdf_init_write($0, temp) }
      try call("qpdf_set_object_stream_mode") { qpdf_set_object_stream_mode($0, qpdf_o_disable) }
      try call("qpdf_set_decode_level") { qpdf_set_decode_level($0, qpdf_dl_none) }
      try call("qpdf_set_compress_streams") { qpdf_set_compress_streams($0, 1) }
      try call("qpdf_set_deterministic_ID") { qpdf_set_deterministic_ID($0, 1) }
      // PDF/UA-1 is defined on ISO 32000-1, i.e. PDF 1.7 (Cairo 1.16 writes 1.5).
      try call("qpdf_set_minimum_pdf_version") { qpdf_set_minimum_pdf_version($0, "1.7") }
      _ = try call("qpdf_write(\(temp))") { qpdf_write($0) }
      guard rename(temp, path) == 0 else {
        throw RenderError("making the PDF accessible failed: cannot rename \(temp): \(String(cString: strerror(errno)))")
      }
    } catch {
      unlink(temp)
      throw error
    }
  }
}
