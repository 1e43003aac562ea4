// A PNG written with its compression spread over several threads, for one large page (a
// 300 dpi A3 poster is 17 megapixels; deflating it is most of the time a PNG takes).
//
// Why by hand: libpng compresses an image as one zlib stream on one thread, and no library
// on this machine deflates a PNG in parallel. The PNG format is small (a signature and
// length-type-data-CRC chunks), and the parallel deflate is pigz's well-known scheme: the
// image's rows are cut into bands, each thread deflates its band as raw deflate ending on a
// byte boundary (Z_SYNC_FLUSH; the last band Z_FINISH), the pieces are concatenated behind
// one zlib header, and the Adler-32 checksums of the bands are joined with adler32_combine.
// Each band starts with an empty dictionary, which costs a few bytes at each cut, not more.
// Everything here is C with no longjmp; shim.h's libpng writer converts its pixels with the
// same `naraprint_png_scanline`.
#ifndef NARAPRINT_CPNG_PARALLEL_H
#define NARAPRINT_CPNG_PARALLEL_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <zlib.h>

#define NARAPRINT_PNG_MAX_THREADS 16

typedef struct {
  const unsigned char *data;
  int width, first_row, rows;
  size_t stride;
  int opaque, level, strategy, last;
  unsigned char *out;   // the band's raw deflate data (malloc'd)
  size_t out_size;
  uLong adler;          // Adler-32 of the band's uncompressed scanlines
  uLong length;         // their length
  int failed;
} naraprint_png_band;

/// One row as a PNG scanline: filter byte 0 (none), then RGB or un-premultiplied RGBA.
static inline void naraprint_png_scanline(const uint32_t *src, int width, int opaque, unsigned char *line) {
  unsigned char *out = line;
  *out++ = 0;
  if (opaque) {
    for (int x = 0; x < width; x++, out += 3) {
      uint32_t p = src[x];
      out[0] = (unsigned char)(p >> 16); out[1] = (unsigned char)(p >> 8); out[2] = (unsigned char)p;
    }
    return;
  }
  for (int x = 0; x < width; x++, out += 4) {
    uint32_t p = src[x], a = p >> 24;
    if (a == 255) {
      out[0] = (unsigned char)(p >> 16); out[1] = (unsigned char)(p >> 8); out[2] = (unsigned char)p;
    } else if (a == 0) {
      out[0] = out[1] = out[2] = 0;
    } else {
      out[0] = (unsigned char)((((p >> 16) & 0xFF) * 255 + a / 2) / a);
      out[1] = (unsigned char)((((p >> 8) & 0xFF) * 255 + a / 2) / a);
      out[2] = (unsigned char)(((p & 0xFF) * 255 + a / 2) / a);
    }
    out[3] = (unsigned char)a;
  }
}

/// Deflates one band, a scanline at a time, into a buffer of deflateBound's size.
static inline void *naraprint_png_deflate_band(void *argument) {
  naraprint_png_band *band = (naraprint_png_band *)argument;
  size_t line_size = 1 + (size_t)band->width * (band->opaque ? 3 : 4);
  unsigned char *line = (unsigned char *)malloc(line_size);
  z_stream z;
  memset(&z, 0, sizeof z);
  if (!line || deflateInit2(&z, band->level, Z_DEFLATED, -15, 8, band->strategy) != Z_OK) {
    free(line);
    band->failed = 1;
    return NULL;
  }
  band->length = (uLong)line_size * (uLong)band->rows;
  // Sync-flush markers are 5 bytes; deflateBound covers the data, the slack the markers.
  size_t capacity = deflateBound(&z, band->length) + 64;
  band->out = (unsigned char *)malloc(capacity);
  if (!band->out) { deflateEnd(&z); free(line); band->failed = 1; return NULL; }
  band->adler = adler32(0L, Z_NULL, 0);
  z.next_out = band->out;
  z.avail_out = (uInt)capacity;
  for (int y = 0; y < band->rows && !band->failed; y++) {
    const uint32_t *src = (const uint32_t *)(band->data + (size_t)(band->first_row + y) * band->stride);
    naraprint_png_scanline(src, band->width, band->opaque, line);
    band->adler = adler32(band->adler, line, (uInt)line_size);
    z.next_in = line;
    z.avail_in = (uInt)line_size;
    int flush = y + 1 < band->rows ? Z_NO_FLUSH : (band->last ? Z_FINISH : Z_SYNC_FLUSH);
    int status = deflate(&z, flush);
    if (status == Z_STREAM_ERROR || z.avail_in != 0) band->failed = 1;
    if (flush == Z_FINISH && status != Z_STREAM_END) band->failed = 1;
  }
  band->out_size = capacity - z.avail_out;
  deflateEnd(&z);
  free(line);
  return NULL;
}

static inline void naraprint_png_put32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16); p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v;
}

/// Writes one chunk: length, type, data, CRC-32 of type and data.
static inline int naraprint_png_chunk(FILE *file, const char *type, const unsigned char *data, size_t size) {
  unsigned char head[8];
  naraprint_png_put32(head, (uint32_t)size);
  memcpy(head + 4, type, 4);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, head + 4, 4);
  if (size > 0) crc = crc32(crc, data, (uInt)size);
  unsigned char tail[4];
  naraprint_png_put32(tail, (uint32_t)crc);
  return fwrite(head, 1, 8, file) == 8 && (size == 0 || fwrite(data, 1, size, file) == size) && fwrite(tail, 1, 4, file) == 4;
}

/// Like `naraprint_png_write` (shim.h), with the compression on `threads` threads. Returns 0,
/// or -1 with a message in `error` (the file may be left partly written; the caller removes it).
static inline int naraprint_png_write_parallel(const char *path, const unsigned char *data, int width, int height,
                                               size_t stride, int opaque, int level, int strategy, double dpi,
                                               int threads, char *error, size_t error_size) {
  if (error_size > 0) error[0] = 0;
  if (width <= 0 || height <= 0 || stride < (size_t)width * 4) {
    snprintf(error, error_size, "bad image size %d × %d", width, height);
    return -1;
  }
  if (threads < 1) threads = 1;
  if (threads > NARAPRINT_PNG_MAX_THREADS) threads = NARAPRINT_PNG_MAX_THREADS;
  if (threads > height) threads = height;
  naraprint_png_band bands[NARAPRINT_PNG_MAX_THREADS];
  pthread_t ids[NARAPRINT_PNG_MAX_THREADS];
  int started[NARAPRINT_PNG_MAX_THREADS];
  memset(bands, 0, sizeof bands);
  int row = 0;
  for (int i = 0; i < threads; i++) {
    int rows = height / threads + (i < height % threads ? 1 : 0);
    bands[i] = (naraprint_png_band){data, width, row, rows, stride, opaque, level, strategy, i == threads - 1, NULL, 0, 0, 0, 0};
    row += rows;
  }
  // The first band on this thread, the others on their own.
  for (int i = 1; i < threads; i++) started[i] = pthread_create(&ids[i], NULL, naraprint_png_deflate_band, &bands[i]) == 0;
  naraprint_png_deflate_band(&bands[0]);
  int failed = bands[0].failed;
  for (int i = 1; i < threads; i++) {
    if (started[i]) pthread_join(ids[i], NULL); else naraprint_png_deflate_band(&bands[i]);
    failed |= bands[i].failed;
  }
  FILE *file = failed ? NULL : fopen(path, "wb");
  int ok = file != NULL;
  if (failed) snprintf(error, error_size, "compressing the image failed");
  else if (!file) snprintf(error, error_size, "%s", strerror(errno));
  if (ok) {
    setvbuf(file, NULL, _IOFBF, 1 << 20);
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    unsigned char ihdr[13];
    naraprint_png_put32(ihdr, (uint32_t)width);
    naraprint_png_put32(ihdr + 4, (uint32_t)height);
    ihdr[8] = 8; ihdr[9] = opaque ? 2 : 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
    ok = fwrite(signature, 1, 8, file) == 8 && naraprint_png_chunk(file, "IHDR", ihdr, 13);
    if (ok && dpi > 0) {
      unsigned char phys[9];
      uint32_t ppm = (uint32_t)(dpi / 0.0254 + 0.5);
      naraprint_png_put32(phys, ppm); naraprint_png_put32(phys + 4, ppm); phys[8] = 1;
      ok = naraprint_png_chunk(file, "pHYs", phys, 9);
    }
    // The zlib stream: its header (deflate, 32 KB window, no dictionary; the level hint as
    // zlib writes it), the bands' raw deflate data, the joined Adler-32, as IDAT chunks.
    int hint = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
    unsigned cmf = 0x78, flg = (unsigned)hint << 6;
    flg += 31 - ((cmf << 8) + flg) % 31;
    unsigned char header[2] = {(unsigned char)cmf, (unsigned char)flg};
    ok = ok && naraprint_png_chunk(file, "IDAT", header, 2);
    uLong adler = bands[0].adler;
    for (int i = 0; ok && i < threads; i++) {
      if (i > 0) adler = adler32_combine(adler, bands[i].adler, (z_off_t)bands[i].length);
      ok = naraprint_png_chunk(file, "IDAT", bands[i].out, bands[i].out_size);
    }
    unsigned char trailer[4];
    naraprint_png_put32(trailer, (uint32_t)adler);
    ok = ok && naraprint_png_chunk(file, "IDAT", trailer, 4) && naraprint_png_chunk(file, "IEND", NULL, 0);
    if (!ok) snprintf(error, error_size, "%s", strerror(errno));
    if (fclose(file) != 0 && ok) { ok = 0; snprintf(error, error_size, "%s", strerror(errno)); }
  }
  for (int i = 0; i < threads; i++) free(bands[i].out);
  return ok ? 0 : -1;
}

#endif
