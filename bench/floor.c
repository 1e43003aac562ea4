/*
 * The "C floor" for scripts/bench-peers: what naraprint's cheapest renders do, with the same
 * libraries (fontconfig, Pango, Cairo) and the same fonts (fonts/fonts.conf), and no layout
 * logic: no YAML, no theme, no hyphenation, no grid, no accessibility step. It reads the
 * product's words from a text file (pdftotext of naraprint's own output: pages split by form
 * feeds, paragraphs by blank lines), flows them through columns (leaflet 2, poster 3) with Pango and
 * writes them with Cairo, so the amount of text shaped and drawn is the same.
 *
 *   floor leaflet-pdf FONTS.CONF TEXT.txt OUT.pdf   two A4 pages, 11 pt (page 2 at 13 pt)
 *   floor poster-pdf  FONTS.CONF TEXT.txt OUT.pdf   one A3 page, 18 pt (3 columns)
 *   floor poster-png  FONTS.CONF TEXT.txt OUT.png   the A3 page at 300 dpi (ARGB32, like naraprint)
 *
 * Built by scripts/bench-peers:
 *   cc -O2 bench/floor.c -o BIN $(pkg-config --cflags --libs pangocairo pangoft2 fontconfig)
 * Text that does not fit a page is continued on a new one (a note on stderr), so nothing is
 * skipped.
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)

typedef struct {
  double width, height, margin, gap;  /* points */
  int columns;
  const char *family;
  double size[2];                     /* body size on page 1, and on later pages */
  int png;                            /* write a PNG at dpi instead of a PDF */
  double dpi;
} Product;

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "cannot read %s\n", path); exit(1); }
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* The paragraphs of one page: lines joined with spaces, blank lines separate paragraphs. */
static GPtrArray *paragraphs(const char *page) {
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  GString *par = g_string_new(NULL);
  gchar **lines = g_strsplit(page, "\n", -1);
  for (gchar **l = lines;; l++) {
    gchar *line = *l ? g_strstrip(*l) : NULL;
    if (!line || !*line) {
      if (par->len) { g_ptr_array_add(out, g_strdup(par->str)); g_string_truncate(par, 0); }
      if (!line) break;
      continue;
    }
    if (par->len) g_string_append_c(par, ' ');
    g_string_append(par, line);
  }
  g_strfreev(lines);
  g_string_free(par, TRUE);
  return out;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: floor leaflet-pdf|poster-pdf|poster-png FONTS.CONF TEXT.txt OUT\n");
    return 64;
  }
  const char *mode = argv[1];
  Product p;
  if (!strcmp(mode, "leaflet-pdf")) {
    p = (Product){210 * MM, 297 * MM, 15 * MM, 6 * MM, 2, "Noto Sans Display", {11, 13}, 0, 72};
  } else if (!strcmp(mode, "poster-pdf") || !strcmp(mode, "poster-png")) {
    p = (Product){297 * MM, 420 * MM, 18 * MM, 8 * MM, 3, "Noto Sans", {18, 18}, 0, 72};
    if (!strcmp(mode, "poster-png")) { p.png = 1; p.dpi = 300; }
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 64;
  }

  /* Fonts: only the project's configuration, as naraprint's FontSetup does. */
  FcConfig *config = FcConfigCreate();
  if (!FcConfigParseAndLoad(config, (const FcChar8 *)argv[2], FcTrue) || !FcConfigBuildFonts(config)) {
    fprintf(stderr, "fontconfig could not load %s\n", argv[2]);
    return 1;
  }
  PangoFontMap *map = pango_cairo_font_map_new();
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
  PangoContext *ctx = pango_font_map_create_context(map);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(ctx, fo);
  pango_context_set_round_glyph_positions(ctx, FALSE);

  char *text = read_file(argv[3]);
  gchar **pages = g_strsplit(text, "\f", -1);

  cairo_surface_t *surface;
  if (p.png) {
    int w = (int)(p.width * p.dpi / 72 + 0.5), h = (int)(p.height * p.dpi / 72 + 0.5);
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  } else {
    surface = cairo_pdf_surface_create(argv[4], p.width, p.height);
  }
  cairo_t *cr = cairo_create(surface);
  if (p.png) cairo_scale(cr, p.dpi / 72, p.dpi / 72);
  pango_cairo_update_context(cr, ctx);

  double colw = (p.width - 2 * p.margin - (p.columns - 1) * p.gap) / p.columns, bottom = p.height - p.margin;
  int page_no = 0, drawn = 0, extra = 0;
  for (gchar **pg = pages; *pg; pg++) {
    GPtrArray *pars = paragraphs(*pg);
    if (pars->len == 0) { g_ptr_array_free(pars, TRUE); continue; }
    if (drawn) { cairo_show_page(cr); page_no++; }
    drawn = 1;
    if (p.png) { cairo_set_source_rgb(cr, 1, 1, 1); cairo_paint(cr); }
    double size = p.size[page_no ? 1 : 0];
    int col = 0;
    double y = p.margin;
    for (guint i = 0; i < pars->len; i++) {
      PangoLayout *layout = pango_layout_new(ctx);
      PangoFontDescription *fd = pango_font_description_new();
      pango_font_description_set_family(fd, p.family);
      /* The first paragraph of a page is its heading: bold, 1.5 times the size. */
      pango_font_description_set_weight(fd, i == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_absolute_size(fd, (i == 0 ? size * 1.5 : size) * PANGO_SCALE);
      pango_layout_set_font_description(layout, fd);
      pango_font_description_free(fd);
      pango_layout_set_width(layout, (int)(colw * PANGO_SCALE));
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_line_spacing(layout, 1.3f);
      pango_layout_set_text(layout, g_ptr_array_index(pars, i), -1);
      int lw, lh;
      pango_layout_get_size(layout, &lw, &lh);
      double h = (double)lh / PANGO_SCALE;
      if (y + h > bottom && y > p.margin) {  /* next column, or a new page */
        if (col + 1 < p.columns) { col++; }
        else {
          cairo_show_page(cr); page_no++; extra++;
          if (p.png) { cairo_set_source_rgb(cr, 1, 1, 1); cairo_paint(cr); }
          col = 0;
        }
        y = p.margin;
      }
      cairo_set_source_rgb(cr, 0.13, 0.2, 0.16);
      cairo_move_to(cr, p.margin + col * (colw + p.gap), y);
      pango_cairo_show_layout(cr, layout);
      y += h + 0.5 * size;
      g_object_unref(layout);
    }
    g_ptr_array_free(pars, TRUE);
  }
  if (extra) fprintf(stderr, "floor: %d extra page(s): the text did not fit\n", extra);

  cairo_destroy(cr);
  int status = 0;
  if (p.png) {
    if (cairo_surface_write_to_png(surface, argv[4]) != CAIRO_STATUS_SUCCESS) { fprintf(stderr, "cannot write %s\n", argv[4]); status = 1; }
  } else {
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) { fprintf(stderr, "cannot write %s\n", argv[4]); status = 1; }
  }
  cairo_surface_destroy(surface);
  g_strfreev(pages);
  free(text);
  cairo_font_options_destroy(fo);
  g_object_unref(ctx);
  g_object_unref(map);
  FcConfigDestroy(config);
  return status;
}
