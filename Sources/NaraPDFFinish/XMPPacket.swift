import Foundation

/// A PDF date (ISO 32000-1 §7.9.4, `D:YYYYMMDDHHmmSS±HH'mm'`) that can also be said in
/// ISO 8601 for XMP. Cairo 1.16 writes its dates without the `D:` prefix
/// (`20261122144539Z`); both forms are read, and `pdfString` always has the prefix.
struct PDFDate: Equatable {
  var fields: [Int]  // year, month, day, hour, minute, second (missing ones at their default)
  /// Minutes east of UTC; nil when the date gives no time zone.
  var offsetMinutes: Int?

  init?(_ raw: String) {
    var s = Substring(raw.trimmingCharacters(in: .whitespaces))
    if s.hasPrefix("D:") { s = s.dropFirst(2) }
    let digits = s.prefix { $0.isASCII && $0.isNumber }
    // Year alone, or year plus whole two-digit fields.
    guard digits.count >= 4, digits.count <= 14, digits.count % 2 == 0 else { return nil }
    let d = Array(digits.utf8).map { Int($0) - 48 }
    var fields = [Int(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]), 1, 1, 0, 0, 0]
    var i = 4, f = 1
    while i < d.count { fields[f] = d[i] * 10 + d[i + 1]; i += 2; f += 1 }
    let limits = [(1, 12), (1, 31), (0, 23), (0, 59), (0, 59)]
    for (k, (lo, hi)) in limits.enumerated() where !(lo...hi).contains(fields[k + 1]) { return nil }
    self.fields = fields
    var rest = s.dropFirst(digits.count)
    guard let sign = rest.first else { offsetMinutes = nil; return }
    rest = rest.dropFirst()
    if sign == "Z" {
      offsetMinutes = 0
      return
    }
    guard sign == "+" || sign == "-" else { return nil }
    // HH'mm' with the apostrophes optional (PDF 1.7 writes the trailing one, 2.0 does not).
    let numbers = rest.split(separator: "'").compactMap { Int($0) }
    guard let hours = numbers.first, (0...23).contains(hours) else { return nil }
    let minutes = numbers.count > 1 ? numbers[1] : 0
    guard (0...59).contains(minutes) else { return nil }
    offsetMinutes = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
  }

  private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private var yearText: String { String(repeating: "0", count: max(0, 4 - String(fields[0]).count)) + String(fields[0]) }

  /// `D:20261122144539Z`, or `D:20261122144539+01'00'`.
  var pdfString: String {
    var s = "D:" + yearText + fields[1...].map(two).joined()
    if let o = offsetMinutes {
      s += o == 0 ? "Z" : (o < 0 ? "-" : "+") + two(abs(o) / 60) + "'" + two(abs(o) % 60) + "'"
    }
    return s
  }

  /// `2026-11-22T14:45:39Z`, or `2026-11-22T14:45:39+01:00` (a date without a zone stays
  /// without one, as XMP allows).
  var iso8601: String {
    var s = yearText + "-" + two(fields[1]) + "-" + two(fields[2])
    s += "T" + two(fields[3]) + ":" + two(fields[4]) + ":" + two(fields[5])
    if let o = offsetMinutes {
      s += o == 0 ? "Z" : (o < 0 ? "-" : "+") + two(abs(o) / 60) + ":" + two(abs(o) % 60)
    }
    return s
  }
}

/// The XMP metadata packet PDF/UA-1 asks for (ISO 14289-1 §5, §7.1): `dc:title` and
/// `pdfuaid:part`, plus what the Info dictionary says, with the same values (ISO 16684-1).
struct XMPPacket {
  var title: String?
  var language: String
  var author: String?
  var subject: String?
  var keywords: String?
  var creatorTool: String?
  var producer: String?
  var created: PDFDate?
  var modified: PDFDate?
  /// Identify the file as PDF/X-4 (ISO 15930-7 §6.7.4–6.7.5): `pdfxid:GTS_PDFXVersion`,
  /// `pdf:Trapped`, and the `xmpMM` identifiers it asks for.
  var pdfx = false

  /// UTF-8 bytes; uncompressed so that tools that read XMP without PDF parsing find it.
  var bytes: [UInt8] { Array(text.utf8) }

  var text: String {
    var props: [String] = ["<dc:format>application/pdf</dc:format>"]
    if let t = title { props.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(t))</rdf:li></rdf:Alt></dc:title>") }
    props.append("<dc:language><rdf:Bag><rdf:li>\(escape(language))</rdf:li></rdf:Bag></dc:language>")
    if let a = author { props.append("<dc:creator><rdf:Seq><rdf:li>\(escape(a))</rdf:li></rdf:Seq></dc:creator>") }
    if let s = subject { props.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(s))</rdf:li></rdf:Alt></dc:description>") }
    if let k = keywords { props.append("<pdf:Keywords>\(escape(k))</pdf:Keywords>") }
    if let p = producer { props.append("<pdf:Producer>\(escape(p))</pdf:Producer>") }
    if let c = creatorTool { props.append("<xmp:CreatorTool>\(escape(c))</xmp:CreatorTool>") }
    if let d = created { props.append("<xmp:CreateDate>\(d.iso8601)</xmp:CreateDate>") }
    if let d = modified ?? created {
      props.append("<xmp:ModifyDate>\(d.iso8601)</xmp:ModifyDate>")
      props.append("<xmp:MetadataDate>\(d.iso8601)</xmp:MetadataDate>")
    }
    props.append("<pdfuaid:part>1</pdfuaid:part>")
    if pdfx {
      props.append("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>")
      props.append("<pdf:Trapped>False</pdf:Trapped>")
      // The same input gives the same id (the file stays reproducible).
      props.append("<xmpMM:DocumentID>\(documentID)</xmpMM:DocumentID>")
      props.append("<xmpMM:VersionID>1</xmpMM:VersionID>")
      props.append("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>")
    }
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
          xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
          xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
      \(props.map { "   " + $0 }.joined(separator: "\n"))
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """
  }

  /// `uuid:` and a UUID-shaped hash of what the metadata says (FNV-1a, 128 bits from two
  /// 64-bit runs): stable for the same document, different for different ones.
  var documentID: String {
    let seed = [title ?? "", author ?? "", subject ?? "", created?.iso8601 ?? "", language].joined(separator: "\u{1F}")
    func fnv(_ basis: UInt64) -> UInt64 {
      var h = basis
      for b in seed.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
      return h
    }
    let hex = String(format: "%016llx%016llx", fnv(0xcbf29ce484222325), fnv(0x84222325cbf29ce4))
    let c = Array(hex)
    return "uuid:" + [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])].joined(separator: "-")
  }

  private func escape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      // XML 1.0 forbids most control characters, even escaped.
      case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": out += " "
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
