// swift-tools-version:6.0
// naraprint: layout descriptions (YAML) → page tree → PDF/PNG through Cairo and Pango.
//
// The pipeline, one way (a module imports only modules above it in this list):
//   NaraModel                      values, diagnostics, RenderError (no C)
//   NaraLoader, NaraLocalization   YAML, CSV, PO → model (no C)
//   NaraTypography                 Swedish typography, hyphenation rules (no C)
//   NaraPageTree → NaraLayout      model → positioned page tree (no C)
//   NaraCheck                      findings on the page tree (no C)
//   NaraFiles      (GLib atomics)  atomic output, temporaries removed on a signal, data lookup
//   NaraHyphen     (libhyphen)     hyphenation patterns for NaraTypography's rules
//   NaraColour     (LittleCMS)     printing conditions: sRGB → CMYK, soft proofs, ink
//   NaraPDFFinish  (qpdf)          a written PDF made accessible (PDF/UA-1) and PDF/X-4
//   NaraCairo      (Cairo, Pango, librsvg, libqrencode, libpng)
//                                  drawing: page tree → PDF/PNG; every PDF it draws is handed
//                                  to NaraPDFFinish before it is renamed into place
//   NaraPipeline                   load → typography → layout → draw → finish, behind one call
//   NaraPreview    (FlyingFox)     `watch`: re-render on every input's change; the live preview
//   naraprint, naraprint-bench, naraprint-fuzz   executables
// Only the modules marked with a C library import a C target; the others are pure Swift.
// Test targets share TestSupport (helpers, no product code).
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
    // `watch --serve`: a small HTTP and WebSocket server on loopback. FlyingFox is pure Swift
    // on BSD sockets (no SwiftNIO): it adds about 20 s to a clean build where Hummingbird's
    // NIO stack adds minutes, and CI builds from a fresh clone every run.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
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
    // GLib's atomic operations for the signal-safe table of temporary files.
    .systemLibrary(name: "CGLib", pkgConfig: "glib-2.0", providers: [.apt(["libglib2.0-dev"])]),
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
    // Swedish (and other) typography as pure functions: normalisation, hyphenation rules. It
    // reads each language's quotes, month names, minima and rules from NaraModel's
    // `LanguageData.table` (the one table every module sees), hence its one dependency.
    .target(name: "NaraTypography", dependencies: ["NaraModel"]),
    // Positioned output: pages, shapes, glyph runs; a text dump for golden tests.
    .target(name: "NaraPageTree", dependencies: ["NaraModel"]),
    // Findings on laid-out pages: collisions, text off the page or in the safe area, hidden
    // items, forced breaks – geometry from the page tree, no C.
    .target(name: "NaraCheck", dependencies: ["NaraModel", "NaraPageTree"]),
    // Model → page tree: stacks, rows, grids, text frames, components.
    .target(name: "NaraLayout", dependencies: ["NaraModel", "NaraPageTree"]),
    // Atomic writes, temporary files removed on SIGINT/SIGTERM/SIGHUP (GLib atomics, safe in a
    // signal handler), and where naraprint's data (fonts/, colour/) is found.
    .target(name: "NaraFiles", dependencies: ["NaraModel", "CGLib"]),
    // libhyphen: the patterns behind NaraTypography's `PatternHyphenator`.
    .target(name: "NaraHyphen", dependencies: ["NaraTypography", "CHyphen"]),
    // LittleCMS: printing conditions (profiles in colour/), sRGB → CMYK, soft proofs. Used by
    // drawing (PNG soft proofs), finishing (PDF/X conversion) and the preflight (ink limits).
    .target(name: "NaraColour", dependencies: ["NaraModel", "NaraFiles", "CLCMS"]),
    // qpdf: the finishing step on a PDF Cairo wrote – PDF/UA-1 fixes (catalog, structure tree,
    // artifacts) and the PDF/X-4 conversion (boxes, CMYK, output intent). Knows no Cairo.
    .target(name: "NaraPDFFinish", dependencies: ["NaraModel", "NaraFiles", "NaraColour", "CQPDF"]),
    // Drawing only: Pango shaper, fontconfig set-up, Cairo PDF/PNG surfaces, images (librsvg,
    // gdk-pixbuf), QR codes, the PNG writer, print marks; finishes its PDFs through NaraPDFFinish.
    .target(
      name: "NaraCairo",
      dependencies: ["NaraModel", "NaraPageTree", "NaraFiles", "NaraColour", "NaraPDFFinish", "CPangoCairo", "CRsvg", "CQRencode", "CPNG"]),
    // The whole pipeline behind one call: load → typography → layout → PDF/PNG.
    .target(
      name: "NaraPipeline",
      dependencies: ["NaraModel", "NaraLoader", "NaraTypography", "NaraLayout", "NaraPageTree", "NaraCheck", "NaraLocalization", "NaraFiles", "NaraHyphen", "NaraColour", "NaraCairo"]),
    // `watch`: re-renders when any input changes, and with `--serve` a live preview in the
    // browser (pages as SVG, diagnostics, click-to-source) over FlyingFox on loopback.
    .target(
      name: "NaraPreview",
      dependencies: ["NaraModel", "NaraLoader", "NaraPageTree", "NaraFiles", "NaraCairo", "NaraPipeline",
                     .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")],
      // FlyingFox's proxy handler imports FoundationNetworking, whose static library (the
      // `--static-swift-stdlib` builds of bin/naraprint and the .deb) calls libcurl without
      // naming it to the linker.
      linkerSettings: [.linkedLibrary("curl", .when(platforms: [.linux]))]),
    .executableTarget(
      name: "naraprint",
      dependencies: [
        "NaraModel", "NaraLoader", "NaraTypography", "NaraLocalization", "NaraFiles", "NaraHyphen", "NaraColour", "NaraCairo", "NaraPipeline", "NaraPreview",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // `swift run -c release naraprint-bench`: median render times, in-process.
    .executableTarget(
      name: "naraprint-bench", dependencies: ["NaraModel", "NaraPipeline", "NaraCheck", "NaraCairo", "NaraPreview"]),
    // The loader's parsers (layout/theme/kit YAML, .po, CSV) under libFuzzer (`scripts/fuzz`);
    // built plainly, a driver that replays the corpus and regression inputs. No Cairo.
    .executableTarget(name: "naraprint-fuzz", dependencies: ["NaraModel", "NaraLoader", "NaraLocalization"]),

    // Helpers every test target shares (repoRoot, tempDirectory, run, pdfText, golden files,
    // marked fixtures); a plain target that only test targets depend on.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "NaraTypographyTests", dependencies: ["NaraTypography", "TestSupport"]),
    .testTarget(name: "NaraLocalizationTests", dependencies: ["NaraLocalization", "NaraModel", "TestSupport"]),
    .testTarget(name: "HyphenationTests", dependencies: ["NaraTypography", "NaraHyphen", "TestSupport"]),
    .testTarget(name: "NaraLoaderTests", dependencies: ["NaraModel", "NaraLoader", "TestSupport"]),
    .testTarget(
      name: "NaraLayoutTests", dependencies: ["NaraModel", "NaraLoader", "NaraLayout", "NaraPageTree", "TestSupport"], exclude: ["Golden"]),
    .testTarget(name: "NaraCheckTests", dependencies: ["NaraModel", "NaraPageTree", "NaraCheck", "TestSupport"]),
    // `watch` and its live preview: the watch loop as a process, the server over a socket, and
    // the page in headless chromium (Tests/Browser/preview_e2e.py).
    .testTarget(name: "PreviewTests", dependencies: ["NaraModel", "NaraPreview", "TestSupport"]),
    .testTarget(
      name: "IntegrationTests",
      dependencies: [
        "NaraModel", "NaraPageTree", "NaraLocalization", "NaraTypography", "NaraFiles", "NaraPDFFinish", "NaraCairo", "NaraPipeline",
        "CPangoCairo", "TestSupport",
      ],
      exclude: ["Fixtures"], resources: [.copy("Golden")]),
  ]
)
