#include "VipsShim.h"

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

VipsImage *medsynth_image_from_u16(const uint16_t *pixels, int width, int height) {
    VipsImage *image = vips_image_new_from_memory_copy(
        pixels, (size_t)width * height * 2, width, height, 1, VIPS_FORMAT_USHORT);
    return tagged_copy(image, VIPS_INTERPRETATION_GREY16);
}

VipsImage *medsynth_image_from_u8(const uint8_t *pixels, int width, int height) {
    VipsImage *image = vips_image_new_from_memory_copy(
        pixels, (size_t)width * height, width, height, 1, VIPS_FORMAT_UCHAR);
    return tagged_copy(image, VIPS_INTERPRETATION_B_W);
}

VipsImage *medsynth_fit(VipsImage *image, int long_side) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, long_side,
                             "height", long_side, "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    return out;
}

int medsynth_png_buffer(VipsImage *image, int bitdepth, void **buffer, size_t *length) {
    return vips_pngsave_buffer(image, buffer, length,
                               "bitdepth", bitdepth, "compression", 6, "strip", TRUE, NULL);
}

int medsynth_jpeg_buffer(VipsImage *image, int quality, void **buffer, size_t *length) {
    return vips_jpegsave_buffer(image, buffer, length, "Q", quality, "strip", TRUE, NULL);
}

int medsynth_tiff_pyramid_buffer(VipsImage *image, void **buffer, size_t *length) {
    return vips_tiffsave_buffer(image, buffer, length,
                                "tile", TRUE, "tile_width", 256, "tile_height", 256,
                                "pyramid", TRUE, "compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE,
                                "strip", TRUE, NULL);
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

int medsynth_load_png16(const char *path, uint16_t **pixels, int *width, int *height) {
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    if (vips_image_get_bands(image) != 1 || vips_image_get_format(image) != VIPS_FORMAT_USHORT) {
        vips_error("medsynth", "%s is not a 1-band 16-bit image", path);
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
