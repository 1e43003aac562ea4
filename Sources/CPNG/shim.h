// libpng for naraprint's PNG output, with the whole write in C: libpng reports errors by
// longjmp from its error callback, and a longjmp must never cross Swift frames. So the
// setjmp, every libpng call and the pixel conversion live in this one function; Swift calls
// it with the pixels of a Cairo image surface and gets back 0, or -1 and a message.
#ifndef NARAPRINT_CPNG_SHIM_H
#define NARAPRINT_CPNG_SHIM_H

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "parallel.h"

/// The layout of the pixels handed to `naraprint_png_write` (Cairo's image formats; the
/// 32-bit pixel is native-endian, alpha or padding in its top byte).
typedef enum {
  NARAPRINT_PNG_ARGB32 = 0,  ///< premultiplied alpha
  NARAPRINT_PNG_RGB24 = 1,   ///< opaque, top byte unused
} naraprint_png_format;

typedef struct {
  int compression_level;     ///< zlib level 0–9
  int compression_strategy;  ///< zlib strategy (Z_DEFAULT_STRATEGY 0, Z_FILTERED 1, Z_RLE 3 …)
  int filters;               ///< PNG_FILTER_* mask (PNG_FILTER_NONE … PNG_ALL_FILTERS)
  double dpi;                ///< written as the pHYs chunk when > 0
} naraprint_png_options;

typedef struct {
  char message[256];
  jmp_buf jump;
} naraprint_png_error_state;

static inline void naraprint_png_error(png_structp png, png_const_charp message) {
  naraprint_png_error_state *state = (naraprint_png_error_state *)png_get_error_ptr(png);
  snprintf(state->message, sizeof state->message, "%s", message ? message : "libpng error");
  longjmp(state->jump, 1);
}

static inline void naraprint_png_warning(png_structp png, png_const_charp message) {
  (void)png; (void)message;
}

/// Whether every pixel of an ARGB32 image is opaque (then it is written as RGB).
static inline int naraprint_png_is_opaque(const unsigned char *data, int width, int height, size_t stride) {
  for (int y = 0; y < height; y++) {
    const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
    uint32_t all = 0xFF000000u;
    for (int x = 0; x < width; x++) all &= row[x];
    if ((all & 0xFF000000u) != 0xFF000000u) return 0;
  }
  return 1;
}

/// Writes `width` × `height` pixels (rows `stride` bytes apart) to the file `path`: 8-bit RGB
/// when the image is opaque, else 8-bit RGBA with the alpha un-premultiplied (rounded, as
/// Cairo does). Returns 0, or -1 with a message in `error` (the file may be left partly
/// written; the caller removes it).
static inline int naraprint_png_write(const char *path, const unsigned char *data, int width, int height,
                                      size_t stride, naraprint_png_format format,
                                      naraprint_png_options options, char *error, size_t error_size) {
  if (error_size > 0) error[0] = 0;
  if (width <= 0 || height <= 0 || stride < (size_t)width * 4) {
    snprintf(error, error_size, "bad image size %d × %d", width, height);
    return -1;
  }
  int opaque = format == NARAPRINT_PNG_RGB24 || naraprint_png_is_opaque(data, width, height, stride);
  int channels = opaque ? 3 : 4;
  // One scanline as `parallel.h` converts it: a filter byte, then the pixels (libpng takes
  // the pixels and adds the filter byte itself).
  unsigned char *row = (unsigned char *)malloc(1 + (size_t)width * (size_t)channels);
  if (!row) { snprintf(error, error_size, "out of memory"); return -1; }
  FILE *file = fopen(path, "wb");
  if (!file) {
    snprintf(error, error_size, "%s", strerror(errno));
    free(row);
    return -1;
  }
  // Fewer, larger writes than stdio's default buffer.
  setvbuf(file, NULL, _IOFBF, 1 << 20);

  naraprint_png_error_state state;
  state.message[0] = 0;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, naraprint_png_error, naraprint_png_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info) {
    png_destroy_write_struct(png ? &png : NULL, NULL);
    fclose(file);
    free(row);
    snprintf(error, error_size, "out of memory");
    return -1;
  }
  // Nothing below changes `png`, `info`, `file` or `row` after the setjmp, so they keep
  // their values on the way back from a longjmp.
  if (setjmp(state.jump)) {
    png_destroy_write_struct(&png, &info);
    fclose(file);
    free(row);
    snprintf(error, error_size, "%s", state.message);
    return -1;
  }
  png_init_io(png, file);
  png_set_compression_level(png, options.compression_level);
  png_set_compression_strategy(png, options.compression_strategy);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, options.filters);
  png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
               opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  if (options.dpi > 0) {
    png_uint_32 ppm = (png_uint_32)(options.dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
  }
  png_write_info(png, info);
  for (int y = 0; y < height; y++) {
    naraprint_png_scanline((const uint32_t *)(data + (size_t)y * stride), width, opaque, row);
    png_write_row(png, row + 1);
  }
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(row);
  if (fclose(file) != 0) {
    snprintf(error, error_size, "%s", strerror(errno));
    return -1;
  }
  return 0;
}

#endif
