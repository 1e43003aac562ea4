// swift-tools-version:6.0
// naraprint: layout descriptions (YAML) → page tree → PDF/PNG through Cairo and Pango.
// The pipeline, one way: NaraModel ← NaraLoader, NaraTypography ← NaraLayout (→ NaraPageTree → NaraCheck)
// ← NaraCairo (the only module that touches C) ← naraprint (CLI).
import PackageDescription

let package = Package(
  name: "naraprint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "naraprint", targets: ["naraprint"])
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // System libraries, found with pkg-config (libhyphen has no .pc file).
    .systemLibrary(
      name: "CPangoCairo", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
    .systemLibrary(
      name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
    .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
    .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
    // LittleCMS: RGB → CMYK through the print profile, soft proofs.
    .systemLibrary(name: "CLCMS", pkgConfig: "lcms2", providers: [.apt(["liblcms2-dev"])]),
    .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
    // libpng: the PNG writer (the whole write in C in shim.h, so libpng's longjmp stays in C).
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

    // Values only, no C; the only I/O is `LimitedRead`, the bounded file read the CSV and .po
    // readers share.
    .target(name: "NaraModel"),
    // YAML → model, with file:line:column diagnostics.
    .target(name: "NaraLoader", dependencies: ["NaraModel", .product(name: "Yams", package: "Yams")]),
    // gettext: translatable strings out (POT), translations in (PO), with file:line errors.
    .target(name: "NaraLocalization", dependencies: ["NaraModel"]),
    // Swedish (and other) typography as pure functions: normalisation, hyphenation rules.
    .target(name: "NaraTypography"),
    // Positioned output: pages, shapes, glyph runs; a text dump for golden tests.
    .target(name: "NaraPageTree", dependencies: ["NaraModel"]),
    // Findings on laid-out pages: collisions, text off the page or in the safe area, hidden
    // items, forced breaks – geometry from the page tree, no C.
    .target(name: "NaraCheck", dependencies: ["NaraModel", "NaraPageTree"]),
    // Model → page tree: stacks, rows, grids, text frames, components.
    .target(name: "NaraLayout", dependencies: ["NaraModel", "NaraTypography", "NaraPageTree"]),
    // The only Swift module touching C: Pango shaper, Cairo PDF/PNG writers, librsvg, libhyphen.
    .target(
      name: "NaraCairo",
      dependencies: ["NaraModel", "NaraPageTree", "NaraTypography", "NaraLayout", "CPangoCairo", "CRsvg", "CHyphen", "CQPDF", "CLCMS", "CQRencode", "CPNG"]),
    // The whole pipeline behind one call: load → typography → layout → PDF/PNG.
    .target(
      name: "NaraPipeline",
      dependencies: ["NaraModel", "NaraLoader", "NaraTypography", "NaraLayout", "NaraPageTree", "NaraCairo", "NaraLocalization", "NaraCheck"]),
    .executableTarget(
      name: "naraprint",
      dependencies: [
        "NaraModel", "NaraLoader", "NaraLayout", "NaraCairo", "NaraTypography", "NaraPipeline", "NaraLocalization",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // `swift run -c release naraprint-bench`: median render times, in-process.
    .executableTarget(
      name: "naraprint-bench", dependencies: ["NaraModel", "NaraPipeline", "NaraCheck", "NaraCairo"]),
    // The loader's parsers (layout/theme/kit YAML, .po, CSV) under libFuzzer (`scripts/fuzz`);
    // built plainly, a driver that replays the corpus and regression inputs. No Cairo.
    .executableTarget(name: "naraprint-fuzz", dependencies: ["NaraModel", "NaraLoader", "NaraLocalization"]),

    .testTarget(name: "NaraTypographyTests", dependencies: ["NaraTypography"]),
    .testTarget(name: "NaraLocalizationTests", dependencies: ["NaraLocalization", "NaraModel"]),
    .testTarget(name: "HyphenationTests", dependencies: ["NaraTypography", "NaraCairo"]),
    .testTarget(name: "NaraLoaderTests", dependencies: ["NaraModel", "NaraLoader"]),
    .testTarget(name: "NaraLayoutTests", dependencies: ["NaraModel", "NaraLoader", "NaraLayout", "NaraPageTree"]),
    .testTarget(name: "NaraCheckTests", dependencies: ["NaraModel", "NaraPageTree", "NaraCheck"]),
    .testTarget(
      name: "IntegrationTests",
      dependencies: ["NaraModel", "NaraLoader", "NaraLayout", "NaraCairo", "NaraPageTree", "NaraTypography", "NaraPipeline", "NaraLocalization", "NaraCheck"],
      resources: [.copy("Golden")]),
  ]
)
