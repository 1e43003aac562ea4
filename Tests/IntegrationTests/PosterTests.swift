import Foundation
import Testing
@testable import NaraPipeline

@Suite struct Placeholder {
  @Test func pipelineStarts() throws {
    _ = try Pipeline()
  }
}
