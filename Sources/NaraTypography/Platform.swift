// The little I/O NaraTypography needs (read a file, an environment variable, a lock),
// done with the C library so the module does not pull in Foundation.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

enum Platform {
  /// The whole file as bytes, or nil if it cannot be read.
  static func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    guard fseek(f, 0, SEEK_END) == 0 else { return nil }
    let size = ftell(f)
    guard size >= 0, fseek(f, 0, SEEK_SET) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(size))
    let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, Int(size), f) }
    return read == Int(size) ? bytes : nil
  }

  /// The whole file mapped read-only (`mapped` true; release with `unmap`), or where it
  /// cannot be mapped (an empty file, a file system without mmap) a copy read into memory.
  static func mapFile(_ path: String) -> (bytes: UnsafeBufferPointer<UInt8>, mapped: Bool)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd >= 0 {
      defer { close(fd) }
      var st = stat()
      if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0,
         let p = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
        return (UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: Int(st.st_size)), true)
      }
    }
    guard let copy = readFile(path) else { return nil }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: copy.count)
    _ = buffer.initialize(from: copy)
    return (UnsafeBufferPointer(buffer), false)
  }

  /// Releases what `mapFile` returned.
  static func unmap(_ bytes: UnsafeBufferPointer<UInt8>, mapped: Bool) {
    guard let base = bytes.baseAddress else { return }
    if mapped {
      munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    } else {
      UnsafeMutableBufferPointer(mutating: bytes).deallocate()
    }
  }

  static func readText(_ path: String) -> String? {
    readFile(path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  static func environment(_ name: String) -> String? {
    guard let v = getenv(name) else { return nil }
    let s = String(decoding: UnsafeRawBufferPointer(start: v, count: strlen(v)), as: UTF8.self)
    return s.isEmpty ? nil : s
  }

  static func currentDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The running executable's path (Linux: /proc/self/exe; elsewhere argv[0]).
  static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: 4096)
      let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    #endif
    return CommandLine.arguments.first
  }
}

/// A value behind a mutex; `@unchecked Sendable` because the mutex guards every access.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init(_ value: Value) {
    self.value = value
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value)
  }
}
