#ifndef MEDSYNTH_VIPS_SHIM_H
#define MEDSYNTH_VIPS_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <vips/vips.h>

/* Non-variadic wrappers over the libvips calls Swift cannot make directly.
   Every function returns 0 (or a non-NULL image) on success; on failure the
   reason is in vips_error_buffer(). Returned images are owned by the caller. */

int medsynth_vips_init(const char *argv0);

/* A 1-band image over memory the caller keeps alive and unchanged until the image is
   released (no copy is made), tagged GREY16 so savers keep all 16 bits. */
VipsImage *medsynth_wrap_u16(const uint16_t *pixels, int width, int height);
/* A 1-band 8-bit image (0 or 255) computed region by region from a bit mask whose rows are
   `words_per_row` 64-bit words (bit x % 64 of word x / 64); `words` must outlive the image. */
VipsImage *medsynth_image_from_bits(const uint64_t *words, int width, int height, size_t words_per_row);

/* A row renderer: `start` makes the state of one libvips worker thread, `fill` writes the
   full-width rows top..top+count-1 into `pixels` (width samples per row), `stop` frees the
   state. All three may be called on any thread; `context` must outlive the image. */
typedef struct {
    void *context;
    void *(*start)(void *context);
    void (*fill)(void *state, int top, int count, uint16_t *pixels);
    void (*stop)(void *state);
} medsynth_rows_callbacks;

/* A 1-band GREY16 image whose pixels the renderer computes strip by strip, on demand. */
VipsImage *medsynth_image_from_rows(int width, int height, medsynth_rows_callbacks callbacks);

/* Reads a 1-band 16-bit image once, top to bottom: `fn` gets successive strips of `count`
   rows starting at row `top`, `stride` samples apart; a nonzero return stops with an error. */
typedef int (*medsynth_strip_fn)(void *context, int top, int count, const uint16_t *pixels, size_t stride);
int medsynth_each_strip_u16(VipsImage *image, medsynth_strip_fn fn, void *context);

/* An image file opened for one sequential read (strips decoded as they are needed). */
VipsImage *medsynth_load_sequential(const char *path);

/* A 16-bit image mapped through a 65,536-entry table to 8 bits, region by region. */
VipsImage *medsynth_map_u16_to_u8(VipsImage *image, const uint8_t *table);

/* Encoders straight to a file, strip by strip, without the whole file in memory. Metadata
   is stripped so the bytes depend on the pixels only. The TIFF is tiled (256 px), pyramidal
   and deflated. */
int medsynth_png_save(VipsImage *image, const char *path, int bitdepth);
int medsynth_jpeg_save(VipsImage *image, const char *path, int quality);
int medsynth_tiff_pyramid_save(VipsImage *image, const char *path);

/* Decodes a 1-band grayscale image of `bits` (8 or 16) bits per sample into a g_malloc'd
   buffer of width × height samples. */
int medsynth_load_gray(const char *path, int bits, void **pixels, int *width, int *height);

/* Shrink so the long side is `long_side` pixels (never enlarges). */
VipsImage *medsynth_fit(VipsImage *image, int long_side);

/* Deep-zoom tiles in the google layout ({z}/{y}/{x}.jpg, 256 px, black padding) into the
   folder `path`, which must not exist yet. Expects an 8-bit image. */
int medsynth_dzsave_google(VipsImage *image, const char *path, int quality);

#endif
