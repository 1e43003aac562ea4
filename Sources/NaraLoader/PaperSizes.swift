import NaraModel

/// ISO 216 sizes in millimetres (portrait), and US sizes a translator abroad might need.
let paperSizes: [String: (Double, Double)] = [
  "A2": (420, 594), "A3": (297, 420), "A4": (210, 297), "A5": (148, 210), "A6": (105, 148),
  "SRA3": (320, 450), "letter": (215.9, 279.4), "legal": (215.9, 355.6),
]
