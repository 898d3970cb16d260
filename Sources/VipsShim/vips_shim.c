#include "VipsShim.h"
#include <string.h>

int medsynth_vips_init(const char *argv0) {
    if (VIPS_INIT(argv0)) return -1;
    /* Deterministic output does not depend on the operation cache. */
    vips_cache_set_max(0);
    return 0;
}

static VipsImage *tagged_copy(VipsImage *image, VipsInterpretation interpretation) {
    VipsImage *out = NULL;
    if (image == NULL) return NULL;
    int failed = vips_copy(image, &out, "interpretation", interpretation, NULL);
    g_object_unref(image);
    return failed ? NULL : out;
}

VipsImage *medsynth_wrap_u16(const uint16_t *pixels, int width, int height) {
    VipsImage *image = vips_image_new_from_memory(
        pixels, (size_t)width * height * 2, width, height, 1, VIPS_FORMAT_USHORT);
    return tagged_copy(image, VIPS_INTERPRETATION_GREY16);
}

/* Expands the requested rectangle of a bit mask (a = words, b = words per row) to 0/255. */
static int bits_generate(VipsRegion *region, void *seq, void *a, void *b, gboolean *stop) {
    const uint64_t *words = a;
    size_t words_per_row = GPOINTER_TO_SIZE(b);
    VipsRect *r = &region->valid;
    for (int y = r->top; y < VIPS_RECT_BOTTOM(r); y++) {
        VipsPel *q = VIPS_REGION_ADDR(region, r->left, y);
        const uint64_t *row = words + (size_t)y * words_per_row;
        for (int x = r->left; x < VIPS_RECT_RIGHT(r); x++) *q++ = ((row[x >> 6] >> (x & 63)) & 1) ? 255 : 0;
    }
    return 0;
}

VipsImage *medsynth_image_from_bits(const uint64_t *words, int width, int height, size_t words_per_row) {
    VipsImage *out = vips_image_new();
    vips_image_init_fields(out, width, height, 1, VIPS_FORMAT_UCHAR, VIPS_CODING_NONE,
                           VIPS_INTERPRETATION_B_W, 1.0, 1.0);
    if (vips_image_pipelinev(out, VIPS_DEMAND_STYLE_ANY, NULL) ||
        vips_image_generate(out, NULL, bits_generate, NULL, (void *)words, GSIZE_TO_POINTER(words_per_row))) {
        g_object_unref(out);
        return NULL;
    }
    return out;
}

/* A row renderer behind a libvips image: one renderer state per libvips worker thread. */
typedef struct {
    medsynth_rows_callbacks callbacks;
    int width;
} rows_source;

typedef struct {
    void *state;
    uint16_t *scratch;  /* for regions narrower than the image or with padded lines */
    int scratch_rows;
} rows_sequence;

static void *rows_start(VipsImage *out, void *a, void *b) {
    rows_source *source = a;
    rows_sequence *sequence = g_new0(rows_sequence, 1);
    sequence->state = source->callbacks.start(source->callbacks.context);
    return sequence;
}

static int rows_generate(VipsRegion *region, void *seq, void *a, void *b, gboolean *stop) {
    rows_sequence *sequence = seq;
    rows_source *source = a;
    VipsRect *r = &region->valid;
    gboolean whole_rows = r->left == 0 && r->width == source->width &&
                          VIPS_REGION_LSKIP(region) == (size_t)source->width * 2;
    if (whole_rows) {
        source->callbacks.fill(sequence->state, r->top, r->height, (uint16_t *)VIPS_REGION_ADDR(region, 0, r->top));
        return 0;
    }
    if (sequence->scratch_rows < r->height) {
        g_free(sequence->scratch);
        sequence->scratch = g_new(uint16_t, (size_t)source->width * r->height);
        sequence->scratch_rows = r->height;
    }
    source->callbacks.fill(sequence->state, r->top, r->height, sequence->scratch);
    for (int y = 0; y < r->height; y++)
        memcpy(VIPS_REGION_ADDR(region, r->left, r->top + y),
               sequence->scratch + (size_t)y * source->width + r->left, (size_t)r->width * 2);
    return 0;
}

static int rows_stop(void *seq, void *a, void *b) {
    rows_sequence *sequence = seq;
    rows_source *source = a;
    source->callbacks.stop(sequence->state);
    g_free(sequence->scratch);
    g_free(sequence);
    return 0;
}

static void rows_free(VipsImage *image, rows_source *source) { g_free(source); }

VipsImage *medsynth_image_from_rows(int width, int height, medsynth_rows_callbacks callbacks) {
    VipsImage *out = vips_image_new();
    rows_source *source = g_new(rows_source, 1);
    source->callbacks = callbacks;
    source->width = width;
    g_signal_connect(out, "close", G_CALLBACK(rows_free), source);
    vips_image_init_fields(out, width, height, 1, VIPS_FORMAT_USHORT, VIPS_CODING_NONE,
                           VIPS_INTERPRETATION_GREY16, 1.0, 1.0);
    /* Strips of whole rows: a renderer's cost per call is paid once per strip. */
    if (vips_image_pipelinev(out, VIPS_DEMAND_STYLE_FATSTRIP, NULL) ||
        vips_image_generate(out, rows_start, rows_generate, rows_stop, source, NULL)) {
        g_object_unref(out);
        return NULL;
    }
    return out;
}

/* Called by vips_sink_disc with successive strips, top to bottom, on one background thread. */
typedef struct {
    medsynth_strip_fn fn;
    void *context;
} strip_sink;

static int strip_write(VipsRegion *region, VipsRect *area, void *a) {
    strip_sink *sink = a;
    return sink->fn(sink->context, area->top, area->height,
                    (const uint16_t *)VIPS_REGION_ADDR(region, area->left, area->top),
                    VIPS_REGION_LSKIP(region) / 2);
}

int medsynth_each_strip_u16(VipsImage *image, medsynth_strip_fn fn, void *context) {
    if (vips_image_get_format(image) != VIPS_FORMAT_USHORT || vips_image_get_bands(image) != 1) {
        vips_error("medsynth", "expected a 1-band 16-bit image");
        return -1;
    }
    strip_sink sink = {fn, context};
    return vips_sink_disc(image, strip_write, &sink);
}

VipsImage *medsynth_load_sequential(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

VipsImage *medsynth_map_u16_to_u8(VipsImage *image, const uint8_t *table) {
    VipsImage *lut = vips_image_new_from_memory_copy(table, 65536, 65536, 1, 1, VIPS_FORMAT_UCHAR);
    if (lut == NULL) return NULL;
    VipsImage *mapped = NULL;
    int failed = vips_maplut(image, &mapped, lut, NULL);
    g_object_unref(lut);
    return failed ? NULL : tagged_copy(mapped, VIPS_INTERPRETATION_B_W);
}

int medsynth_png_save(VipsImage *image, const char *path, int bitdepth) {
    return vips_pngsave(image, path, "bitdepth", bitdepth, "compression", 6, "strip", TRUE, NULL);
}

int medsynth_jpeg_save(VipsImage *image, const char *path, int quality) {
    return vips_jpegsave(image, path, "Q", quality, "strip", TRUE, NULL);
}

int medsynth_tiff_pyramid_save(VipsImage *image, const char *path) {
    return vips_tiffsave(image, path,
                         "tile", TRUE, "tile_width", 256, "tile_height", 256,
                         "pyramid", TRUE, "compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE,
                         "strip", TRUE, NULL);
}

VipsImage *medsynth_fit(VipsImage *image, int long_side) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, long_side,
                             "height", long_side, "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    return out;
}

int medsynth_dzsave_google(VipsImage *image, const char *path, int quality) {
    char suffix[32];
    snprintf(suffix, sizeof suffix, ".jpg[Q=%d,strip]", quality);
    /* The google layout pads edge tiles; black matches the radiograph's background. */
    VipsArrayDouble *background = vips_array_double_newv(1, 0.0);
    int result = vips_dzsave(image, path,
                             "layout", VIPS_FOREIGN_DZ_LAYOUT_GOOGLE,
                             "tile_size", 256, "overlap", 0,
                             "suffix", suffix, "background", background,
                             "strip", TRUE, NULL);
    vips_area_unref(VIPS_AREA(background));
    return result;
}

int medsynth_load_gray(const char *path, int bits, void **pixels, int *width, int *height) {
    VipsImage *image = medsynth_load_sequential(path);
    if (image == NULL) return -1;
    VipsBandFormat format = bits == 16 ? VIPS_FORMAT_USHORT : VIPS_FORMAT_UCHAR;
    if (vips_image_get_bands(image) != 1 || vips_image_get_format(image) != format) {
        vips_error("medsynth", "%s is not a 1-band %d-bit image", path, bits);
        g_object_unref(image);
        return -1;
    }
    size_t size = 0;
    *pixels = vips_image_write_to_memory(image, &size);
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    return *pixels == NULL ? -1 : 0;
}
