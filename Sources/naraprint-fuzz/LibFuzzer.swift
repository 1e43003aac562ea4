#if FUZZING
  import Foundation

  /// libFuzzer's entry (built with `-sanitize=fuzzer -DFUZZING`, see `scripts/fuzz`).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = FuzzEntry.run(input)
    return 0
  }

  /// libFuzzer's own driver (its `main`, callable since LLVM 11).
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// SwiftPM links an executable's `main` to its module's entry point (`naraprint_fuzz_main`),
  /// so libFuzzer's `main` is not used: this one hands the arguments to libFuzzer's driver.
  @main
  struct FuzzMain {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
  }
#endif
